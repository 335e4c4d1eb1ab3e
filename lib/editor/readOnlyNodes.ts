import type { DOMOutputSpec, Node } from "prosemirror-model";
import { safeImageSrc } from "./documentUrls";
import { taskCheckboxLabel } from "./taskItem";

// The nodes read-only text draws as the editor shows them (a node view, or ProseMirror's own
// drawing) rather than by their `toDOM`: as DOM specs, so the page's React text and its
// HTML string (components/documents) draw them alike. Content goes in the hole (`0`).

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** A heading inside a body, `id` for `#anchor` links that land on it. */
export function headingSpec(node: Node, id?: string): DOMOutputSpec {
  return [`h${Math.min(6, Math.max(1, Number(node.attrs.level) || 3))}`, { id, class: "scroll-mt-4" }, 0];
}

/** The other nodes read-only text draws differently from their `toDOM`. */
export const readOnlyNodeSpecs: Record<string, (node: Node) => DOMOutputSpec> = {
  heading: (node) => headingSpec(node),
  // an empty paragraph is a line high, as ProseMirror draws it
  paragraph: (node) => (node.childCount ? ["p", 0] : ["p", ["br"]]),
  image: (node) => {
    const src = safeImageSrc(node.attrs.src);
    const alt = str(node.attrs.alt);
    if (!src) return ["span", { class: "text-slate-500 italic" }, alt];
    return ["span", { class: "sw-image" }, ["img", { src, alt, title: str(node.attrs.title) || undefined }]];
  },
  taskItem: (node) => [
    "li",
    { "data-type": "taskItem", "data-checked": String(node.attrs.checked === true) },
    ["label", ["input", { type: "checkbox", disabled: true, "aria-label": taskCheckboxLabel(node.textContent), checked: node.attrs.checked === true }], ["span"]],
    ["div", 0],
  ],
  // the editor's header cell, heading its column for assistive technology
  tableHeader: (node) => {
    const [, attrs] = node.type.spec.toDOM?.(node) as ["th", Record<string, string>, 0];
    return ["th", { scope: "col", ...attrs }, 0];
  },
};

/** A code block as the editor lays it out, its code (a `<code>` element) in the hole. */
export function codeBlockSpec(language: string): DOMOutputSpec {
  // the label sits where the editor's language picker sits
  return ["div", { class: "sw-code relative", "data-language": language }, ["pre", 0], ["span", { class: "absolute right-1 top-1 rounded bg-slate-800 px-1 text-xs text-slate-200" }, language || "plain text"]];
}

/** A diagram's source, as the editor shows it until the diagram is drawn. */
export function diagramSourceSpec(source: string): DOMOutputSpec {
  return ["div", { "data-type": "mermaid-block" }, ["pre", { class: "my-3 whitespace-pre-wrap rounded-lg border border-slate-200 p-2 font-mono text-xs text-slate-700", "aria-label": "Mermaid diagram source" }, source]];
}
