"use client";

import type { Editor, NodeViewRendererProps } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { NodeView } from "@tiptap/pm/view";
import { createRoot, type Root } from "react-dom/client";
import { MermaidView } from "./MermaidView";

/**
 * The Mermaid block inside ProseMirror: a leaf node view whose content is a small React
 * root (source editor and live drawing). The source is the node's attribute; typing in
 * the textarea replaces it through a transaction, so it is shared and undone like text.
 */
class MermaidNodeView implements NodeView {
  readonly dom: HTMLElement;
  private readonly root: Root;
  private selected = false;
  private editable: boolean;

  constructor(
    private node: PMNode,
    private readonly editor: Editor,
    private readonly getPos: () => number | undefined,
  ) {
    this.dom = document.createElement("div");
    this.dom.dataset.type = "mermaid-block";
    this.editable = editor.isEditable;
    this.root = createRoot(this.dom);
    editor.on("update", this.followEditable);
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
    this.editor.off("update", this.followEditable);
    // not while React may be rendering (a node view can go away inside a commit)
    queueMicrotask(() => this.root.unmount());
  }

  private readonly followEditable = (): void => {
    if (this.editor.isEditable === this.editable) return;
    this.editable = this.editor.isEditable;
    this.render();
  };

  private readonly setSource = (source: string): void => {
    const pos = this.getPos();
    if (pos === undefined || !this.editor.isEditable) return;
    this.editor.view.dispatch(this.editor.state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, source }));
  };

  private render(): void {
    this.root.render(<MermaidView source={String(this.node.attrs.source ?? "")} editable={this.editable} selected={this.selected} onSource={this.setSource} />);
  }
}

export function mermaidNodeView({ node, editor, getPos }: NodeViewRendererProps): NodeView {
  return new MermaidNodeView(node, editor, getPos);
}
