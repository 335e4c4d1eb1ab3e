import type { Node as PMNode } from "prosemirror-model";
import { TextSelection } from "prosemirror-state";
import type { NodeView, ViewMutationRecord } from "prosemirror-view";
import type { NodeViewHost } from "./nodeViewHost";

/** Offered in a code block's language menu (any other language already set is kept). */
const LANGUAGES = ["bash", "c", "cpp", "csharp", "css", "go", "html", "java", "javascript", "json", "kotlin", "markdown", "python", "ruby", "rust", "sql", "swift", "typescript", "yaml"];

/**
 * A code block with its language picker in the corner: the language is the node's
 * attribute (Markdown export writes it after the opening fence), shared like the text.
 */
class CodeBlockView implements NodeView {
  readonly dom: HTMLDivElement;
  readonly contentDOM: HTMLElement;
  private readonly pre: HTMLPreElement;
  private readonly picker: HTMLSelectElement;
  private readonly unsubscribe: () => void;

  constructor(
    private node: PMNode,
    private readonly host: NodeViewHost,
    private readonly getPos: () => number | undefined,
  ) {
    this.dom = document.createElement("div");
    this.dom.className = "sw-code relative";
    this.picker = document.createElement("select");
    this.picker.setAttribute("aria-label", "Code language");
    this.picker.contentEditable = "false";
    this.picker.className = "absolute right-1 top-1 rounded bg-slate-800 px-1 text-xs text-slate-200";
    this.picker.addEventListener("change", () => {
      const pos = getPos();
      if (pos === undefined || !host.isEditable) {
        this.show();
        return;
      }
      host.dispatch(host.state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, language: this.picker.value || null }));
    });
    this.pre = document.createElement("pre");
    this.contentDOM = document.createElement("code");
    this.pre.append(this.contentDOM);
    this.dom.append(this.pre, this.picker);
    this.show();
    this.unsubscribe = host.subscribe(() => {
      if (this.picker.disabled === host.isEditable) this.picker.disabled = !host.isEditable;
    });
  }

  destroy(): void {
    this.unsubscribe();
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.show();
    return true;
  }

  /** The picker's own events are not the editor's. */
  stopEvent(event: Event): boolean {
    return event.target === this.picker;
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === "selection" || this.contentDOM.contains(mutation.target)) return false;
    // Text the browser typed beside the code element never reaches the document by itself:
    // it showed, "Saved" showed, and a reload lost it (issue 14). It happens when a cleared
    // block holds only someone else's caret widget, so the caret lands outside the element.
    if (!this.picker.contains(mutation.target)) queueMicrotask(() => this.adoptStrayText());
    return true;
  }

  /** Moves text typed outside the code element into the block, where it was meant to go. */
  private adoptStrayText(): void {
    const children = [...this.pre.childNodes];
    const split = children.indexOf(this.contentDOM);
    const outside = [...this.dom.childNodes].filter((n) => n !== this.pre && n !== this.picker);
    const take = (nodes: ChildNode[]) => nodes.map((node) => (node.remove(), node.textContent ?? "")).join("");
    const before = take(children.slice(0, Math.max(split, 0)));
    const after = take(children.slice(split + 1)) + take(outside);
    const pos = this.getPos();
    if ((!before && !after) || pos === undefined || !this.host.isEditable) return;
    const start = pos + 1;
    const end = start + this.node.content.size;
    const tr = this.host.state.tr;
    if (after) tr.insertText(after, end);
    if (before) tr.insertText(before, start);
    tr.setSelection(TextSelection.create(tr.doc, before && !after ? start + before.length : end + before.length + after.length));
    this.host.dispatch(tr);
  }

  private show(): void {
    const language = typeof this.node.attrs.language === "string" ? this.node.attrs.language : "";
    this.contentDOM.className = language ? `language-${language}` : "";
    const choices = ["", ...LANGUAGES, ...(language && !LANGUAGES.includes(language) ? [language] : [])];
    if ([...this.picker.options].map((o) => o.value).join() !== choices.join()) {
      this.picker.replaceChildren(...choices.map((value) => new Option(value || "plain text", value)));
    }
    this.picker.value = language;
    this.picker.disabled = !this.host.isEditable;
  }
}

export function codeBlockView(node: PMNode, host: NodeViewHost, getPos: () => number | undefined): NodeView {
  return new CodeBlockView(node, host, getPos);
}
