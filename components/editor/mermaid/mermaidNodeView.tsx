"use client";

import type { Node as PMNode } from "prosemirror-model";
import type { NodeView } from "prosemirror-view";
import { lazy, Suspense } from "react";
import { createRoot, type Root } from "react-dom/client";
import { PartBoundary } from "../../ui/PartBoundary";
import type { NodeViewHost } from "../nodeViewHost";
import { drawnDiagramHtml, keptDrawing } from "./drawings";

// a diagram's source, as it shows before the block starts when it has no drawing yet
const PLAIN = "my-3 whitespace-pre-wrap rounded-lg border border-slate-200 p-2 font-mono text-xs text-slate-700";

// the block's editor and drawing code load with the first diagram that comes on screen
const MermaidView = lazy(() => import("./MermaidView").then((m) => ({ default: m.MermaidView })));

/**
 * The Mermaid block inside ProseMirror: a leaf node view whose content is a small React
 * root (source editor and live drawing), started when the block first comes near the
 * screen; until then it shows the source as text. The source is the node's attribute;
 * typing in the textarea replaces it through a transaction, so it is shared and undone
 * like text. While the person is suggesting, what they type is a draft of their own: the
 * block shows it with "Propose this change", which starts a comment carrying it (an editor
 * applies it from there), and the shared source stays as it is.
 */
class MermaidNodeView implements NodeView {
  readonly dom: HTMLElement;
  private root: Root | null = null;
  private readonly observer: IntersectionObserver;
  private selected = false;
  private editable: boolean;
  /** the source as this person would have it, while suggesting; null when they changed nothing */
  private draft: string | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private node: PMNode,
    private readonly editor: NodeViewHost,
    private readonly getPos: () => number | undefined,
  ) {
    this.dom = document.createElement("div");
    this.dom.dataset.type = "mermaid-block";
    this.editable = editor.isEditable;
    this.showBeforeStart(String(node.attrs.source ?? ""));
    this.observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.start(), { rootMargin: "400px 0px" });
    this.observer.observe(this.dom);
    this.unsubscribe = editor.subscribe(this.followEditable);
  }

  private start(): void {
    this.observer.disconnect();
    if (this.root) return;
    this.dom.replaceChildren();
    this.root = createRoot(this.dom);
    this.render();
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    if (node.attrs.source !== this.node.attrs.source) {
      this.node = node;
      this.render();
    }
    this.node = node;
    return true;
  }

  selectNode(): void {
    this.selected = true;
    this.render();
  }

  deselectNode(): void {
    this.selected = false;
    this.render();
  }

  /** Events inside the source editor and the buttons are the block's own, not ProseMirror's. */
  stopEvent(event: Event): boolean {
    const target = event.target as HTMLElement | null;
    return !!target?.closest("textarea, button, [role=dialog]");
  }

  /** React owns this DOM. */
  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.observer.disconnect();
    this.unsubscribe();
    // not while React may be rendering (a node view can go away inside a commit)
    const root = this.root;
    if (root) queueMicrotask(() => root.unmount());
  }

  private readonly followEditable = (): void => {
    if (this.editor.isEditable === this.editable) return;
    this.editable = this.editor.isEditable;
    this.render();
  };

  private readonly setSource = (source: string): void => {
    const pos = this.getPos();
    if (pos === undefined || !this.editor.isEditable) return;
    if (this.draft !== null || this.editor.isSuggesting()) {
      this.draft = source === this.node.attrs.source ? null : source;
      return this.render();
    }
    this.editor.dispatch(this.editor.state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, source }));
  };

  private readonly propose = (): void => {
    if (this.draft === null) return;
    this.editor.proposeDiagram(String(this.node.attrs.source ?? ""), this.draft);
    this.draft = null;
    this.render();
  };

  private readonly discard = (): void => {
    this.draft = null;
    this.render();
  };

  /** Until the block starts: the drawing that came with the page beside the source, or the source alone. */
  private showBeforeStart(source: string): void {
    const drawing = keptDrawing(source);
    if (drawing !== undefined) {
      this.dom.innerHTML = drawnDiagramHtml(source, drawing);
      return;
    }
    const pre = document.createElement("pre");
    pre.className = PLAIN;
    pre.textContent = source;
    this.dom.replaceChildren(pre);
  }

  private render(): void {
    const source = String(this.node.attrs.source ?? "");
    if (!this.root) return this.showBeforeStart(source);
    const drawing = keptDrawing(source);
    // while the diagram's code loads (or if it cannot: say, the server is gone), what showed before it started
    const plain = drawing !== undefined ? <div dangerouslySetInnerHTML={{ __html: drawnDiagramHtml(source, drawing) }} /> : <pre className={PLAIN}>{source}</pre>;
    const draft = this.draft;
    this.root.render(
      <PartBoundary fallback={plain}>
        <Suspense fallback={plain}>
          <MermaidView source={draft ?? source} editable={this.editable} selected={this.selected} onSource={this.setSource} />
          {draft !== null ? (
            <div role="group" aria-label="Proposed diagram change" className="-mt-2 mb-3 flex flex-wrap items-center gap-2 rounded-b-lg bg-amber-50 px-2 py-1.5 text-xs text-amber-900 ring-1 ring-amber-200">
              <span>Your change to this diagram is a proposal: the others see it once you propose it.</span>
              <button type="button" className="rounded bg-amber-600 px-2 py-0.5 font-semibold text-white" onClick={this.propose}>Propose this change</button>
              <button type="button" className="rounded px-2 py-0.5 text-amber-900 hover:bg-amber-100" onClick={this.discard}>Discard</button>
            </div>
          ) : null}
        </Suspense>
      </PartBoundary>,
    );
  }
}

export function mermaidNodeView(node: PMNode, editor: NodeViewHost, getPos: () => number | undefined): NodeView {
  return new MermaidNodeView(node, editor, getPos);
}
