import type { DOMOutputSpec, NodeSpec } from "prosemirror-model";
import { safeImageSrc } from "./documentUrls";

// Nodes for Markdown that has no rich-text form of its own (raw HTML, footnotes, link
// reference definitions) and images. Raw HTML is only ever shown as its source text: the
// DOM they render to holds it as a text node, never as markup.

const str = (value: unknown): string => (typeof value === "string" ? value : "");
const strOrNull = (value: string | null | undefined): string | null => (value ? value : null);
const REFERENCE_TYPES = ["full", "collapsed", "shortcut"];

/** `full`, `collapsed` or `shortcut` when it is one of them, else null. */
export function referenceTypeOf(value: unknown): "full" | "collapsed" | "shortcut" | null {
  return typeof value === "string" && REFERENCE_TYPES.includes(value) ? (value as "full" | "collapsed" | "shortcut") : null;
}

/** Whether raw HTML is a comment (`<!-- … -->`), which is shown dimmed. */
export function isHtmlComment(html: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(html);
}

function rawClass(html: string, inline: boolean): string {
  return `${inline ? "sw-raw-inline" : "sw-raw"}${isHtmlComment(html) ? " sw-raw-comment" : ""}`;
}

/** Data attributes that carry a reference's form through copy and paste. */
function referenceData(attrs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof attrs.reference === "string") out["data-reference"] = attrs.reference;
  const type = referenceTypeOf(attrs.referenceType);
  if (type) out["data-reference-type"] = type;
  return out;
}

/** The reference attributes `referenceData` wrote. */
export function referenceAttrs(el: HTMLElement): { reference: string | null; referenceType: "full" | "collapsed" | "shortcut" | null } {
  const reference = el.getAttribute("data-reference");
  return { reference, referenceType: reference === null ? null : referenceTypeOf(el.getAttribute("data-reference-type")) };
}

export const markdownNodes: Record<string, NodeSpec> = {
  /** An image; `reference` names the definition of `![alt][label]`, `src` is its resolved target. */
  image: {
    group: "inline",
    inline: true,
    atom: true,
    draggable: true,
    attrs: { src: { default: "" }, alt: { default: "" }, title: { default: null }, reference: { default: null }, referenceType: { default: null } },
    parseDOM: [
      {
        tag: "img[src]",
        getAttrs: (el) => {
          const src = safeImageSrc(el.getAttribute("src"));
          return src ? { src, alt: el.getAttribute("alt") ?? "", title: strOrNull(el.getAttribute("title")), ...referenceAttrs(el) } : false;
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => {
      const src = safeImageSrc(node.attrs.src);
      const attrs: Record<string, string> = { alt: str(node.attrs.alt), ...referenceData(node.attrs) };
      if (src) attrs.src = src;
      if (node.attrs.title) attrs.title = str(node.attrs.title);
      return ["img", attrs];
    },
  },
  /** A raw HTML block or comment, kept verbatim and shown as its source. */
  htmlBlock: {
    group: "block",
    atom: true,
    selectable: true,
    draggable: true,
    attrs: { html: { default: "" } },
    parseDOM: [{ tag: "pre[data-type=htmlBlock]", priority: 60, getAttrs: (el) => ({ html: el.textContent ?? "" }) }],
    toDOM: (node) => ["pre", { "data-type": "htmlBlock", class: rawClass(str(node.attrs.html), false) }, str(node.attrs.html)],
  },
  /** Raw inline HTML (`<br>`, `<sub>`, `<!-- x -->`), kept verbatim and shown as its source. */
  htmlInline: {
    group: "inline",
    inline: true,
    atom: true,
    selectable: true,
    attrs: { html: { default: "" } },
    parseDOM: [{ tag: "code[data-type=htmlInline]", priority: 60, getAttrs: (el) => ({ html: el.textContent ?? "" }) }],
    toDOM: (node) => ["code", { "data-type": "htmlInline", class: rawClass(str(node.attrs.html), true) }, str(node.attrs.html)],
  },
  /** A footnote marker `[^label]`. */
  footnoteReference: {
    group: "inline",
    inline: true,
    atom: true,
    selectable: true,
    attrs: { identifier: { default: "" }, label: { default: "" } },
    parseDOM: [
      {
        tag: "sup[data-type=footnoteReference]",
        priority: 60,
        getAttrs: (el) => ({ identifier: el.getAttribute("data-identifier") ?? "", label: el.getAttribute("data-label") ?? "" }),
      },
    ],
    toDOM: (node) => [
      "sup",
      { "data-type": "footnoteReference", "data-identifier": str(node.attrs.identifier), "data-label": str(node.attrs.label), class: "sw-footnote-ref" },
      `[${str(node.attrs.label) || str(node.attrs.identifier)}]`,
    ],
  },
  /** A footnote's text (`[^label]: …`), where it was written. */
  footnoteDefinition: {
    group: "block",
    content: "block+",
    defining: true,
    attrs: { identifier: { default: "" }, label: { default: "" } },
    parseDOM: [
      {
        tag: "div[data-type=footnoteDefinition]",
        getAttrs: (el) => ({ identifier: el.getAttribute("data-identifier") ?? "", label: el.getAttribute("data-label") ?? "" }),
      },
    ],
    toDOM: (node) => [
      "div",
      { "data-type": "footnoteDefinition", "data-identifier": str(node.attrs.identifier), "data-label": str(node.attrs.label) || str(node.attrs.identifier), class: "sw-footnote" },
      0,
    ],
  },
  /** A link reference definition `[label]: url "title"`, kept where it was and shown as source. */
  definition: {
    group: "block",
    atom: true,
    selectable: true,
    attrs: { identifier: { default: "" }, label: { default: "" }, url: { default: "" }, title: { default: null } },
    parseDOM: [
      {
        tag: "div[data-type=definition]",
        getAttrs: (el) => ({
          identifier: el.getAttribute("data-identifier") ?? "",
          label: el.getAttribute("data-label") ?? "",
          url: el.getAttribute("data-url") ?? "",
          title: strOrNull(el.getAttribute("data-title")),
        }),
      },
    ],
    toDOM: (node) => {
      const { identifier, label, url, title } = node.attrs as Record<string, unknown>;
      const data: Record<string, string> = { "data-type": "definition", "data-identifier": str(identifier), "data-label": str(label), "data-url": str(url), class: "sw-raw sw-definition" };
      if (title) data["data-title"] = str(title);
      return ["div", data, definitionSource(str(label), str(url), typeof title === "string" ? title : null)];
    },
  },
};

/** How a definition reads in Markdown, for display. */
export function definitionSource(label: string, url: string, title: string | null): string {
  return `[${label}]: ${url || "<>"}${title ? ` "${title}"` : ""}`;
}
