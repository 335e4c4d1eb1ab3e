import type { Node as PMNode } from "prosemirror-model";
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
  private readonly picker: HTMLSelectElement;
  private readonly unsubscribe: () => void;

  constructor(
    private node: PMNode,
    private readonly host: NodeViewHost,
    getPos: () => number | undefined,
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
    const pre = document.createElement("pre");
    this.contentDOM = document.createElement("code");
    pre.append(this.contentDOM);
    this.dom.append(pre, this.picker);
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
    return mutation.type !== "selection" && !this.contentDOM.contains(mutation.target);
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
