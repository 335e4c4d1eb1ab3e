import { type Attrs, type DOMOutputSpec, type MarkSpec, type NodeSpec } from "prosemirror-model";
import { suggestionAuthor } from "../suggestions/ids";
import { LINK_REL, LINK_TARGET, linkAttributes } from "../util/safeUrl";
import { safeDocumentHref } from "./documentUrls";
import { markdownNodes, referenceAttrs, referenceTypeOf } from "./markdownNodes";
import { personColor } from "./personColor";

// The HTML of the document model's nodes and marks (see schema.ts): attributes, content, how
// each is read from HTML and written to it. `extensions.ts` turns them into the tiptap
// extension list the schema is built from. Node and mark names, attributes and their
// defaults are those of the tiptap JSON our documents have always been stored in, so stored
// content reads the same. Mark order matters: it is the order marks take in JSON.

type Align = "left" | "right" | "center";

function alignOf(el: HTMLElement): Align | null {
  const value = (el.style.textAlign || el.getAttribute("align") || "").trim().toLowerCase();
  return value === "left" || value === "right" || value === "center" ? value : null;
}

function colwidthOf(el: HTMLElement): number[] | null {
  const own = el.getAttribute("colwidth");
  if (own) return own.split(",").map((w) => parseInt(w, 10));
  const row = el.parentElement;
  const width = row ? el.closest("table")?.querySelectorAll("colgroup > col")[[...row.children].indexOf(el)]?.getAttribute("width") : null;
  return width ? [parseInt(width, 10)] : null;
}

function cellAttrs(el: HTMLElement): Attrs {
  return {
    colspan: Number(el.getAttribute("colspan") ?? 1) || 1,
    rowspan: Number(el.getAttribute("rowspan") ?? 1) || 1,
    colwidth: colwidthOf(el),
    align: alignOf(el),
  };
}

function cellDOM(tag: "td" | "th"): NodeSpec["toDOM"] {
  return (node) => {
    const { colspan, rowspan, colwidth, align } = node.attrs as { colspan: number; rowspan: number; colwidth: number[] | null; align: Align | null };
    const attrs: Record<string, string> = {};
    if (colspan !== 1) attrs.colspan = String(colspan);
    if (rowspan !== 1) attrs.rowspan = String(rowspan);
    if (colwidth) attrs.colwidth = colwidth.join(",");
    if (align) attrs.style = `text-align: ${align}`;
    return [tag, attrs, 0];
  };
}

function cell(tag: "td" | "th", role: "cell" | "header_cell"): NodeSpec {
  return {
    content: "block+",
    isolating: true,
    tableRole: role,
    attrs: { colspan: { default: 1 }, rowspan: { default: 1 }, colwidth: { default: null }, align: { default: null } },
    parseDOM: [{ tag, getAttrs: (el) => cellAttrs(el as HTMLElement) }],
    toDOM: cellDOM(tag),
  };
}

const HEADING_LEVELS = [1, 2, 3, 4, 5, 6];

/** `spread`: a loose list (blank lines between items), kept through copy and paste as data-spread. */
const SPREAD = { spread: { default: false } };
const spreadOf = (el: HTMLElement) => el.getAttribute("data-spread") === "true";
const spreadData = (spread: unknown): Record<string, string> => (spread === true ? { "data-spread": "true" } : {});
const LANGUAGE_CLASS = "language-";

/** The document's nodes: attributes, content and their DOM (`extensions.ts` builds the tiptap list from these). */
export const documentNodeSpecs: Record<string, NodeSpec> = {
  /**
   * A soft line break is "\n" in a paragraph's text (Markdown's own, kept on export).
   * `whitespace: "pre"` keeps it when the editor re-reads typed text; pasted HTML paragraphs
   * still collapse their whitespace, as before.
   */
  paragraph: { content: "inline*", group: "block", whitespace: "pre", parseDOM: [{ tag: "p", preserveWhitespace: false }], toDOM: () => ["p", 0] },
  doc: { content: "block+" },
  text: { group: "inline" },
  heading: {
    content: "inline*",
    group: "block",
    defining: true,
    attrs: { level: { default: 1 } },
    parseDOM: HEADING_LEVELS.map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node) => [`h${node.attrs.level as number}`, 0],
  },
  blockquote: { content: "block+", group: "block", defining: true, parseDOM: [{ tag: "blockquote" }], toDOM: () => ["blockquote", 0] },
  bulletList: {
    content: "listItem+",
    group: "block list",
    attrs: SPREAD,
    parseDOM: [{ tag: "ul", getAttrs: (el) => ({ spread: spreadOf(el) }) }],
    toDOM: (node) => ["ul", spreadData(node.attrs.spread), 0],
  },
  orderedList: {
    content: "listItem+",
    group: "block list",
    attrs: { start: { default: 1 }, type: { default: null }, ...SPREAD },
    parseDOM: [
      {
        tag: "ol",
        getAttrs: (el) => ({ start: el.hasAttribute("start") ? parseInt(el.getAttribute("start") ?? "", 10) : 1, type: el.getAttribute("type"), spread: spreadOf(el) }),
      },
    ],
    toDOM: (node) => {
      const attrs: Record<string, string> = spreadData(node.attrs.spread);
      if (node.attrs.start !== 1) attrs.start = String(node.attrs.start);
      if (node.attrs.type) attrs.type = String(node.attrs.type);
      return ["ol", attrs, 0];
    },
  },
  /** checked: null, or the state of a task in a list that mixes tasks and plain items (or numbers its tasks) */
  listItem: {
    content: "paragraph block*",
    defining: true,
    attrs: { checked: { default: null } },
    parseDOM: [{ tag: "li", getAttrs: (el) => ({ checked: el.hasAttribute("data-checked") ? el.getAttribute("data-checked") === "true" : null }) }],
    toDOM: (node) => ["li", typeof node.attrs.checked === "boolean" ? { "data-checked": String(node.attrs.checked), class: "sw-checked-item" } : {}, 0],
  },
  codeBlock: {
    content: "text*",
    // no formatting in code, but suggested insertions and deletions
    marks: "insertion deletion",
    group: "block",
    code: true,
    defining: true,
    // meta: what a fence's info string holds after the language (```ts title="a.ts")
    attrs: { language: { default: null }, meta: { default: null } },
    parseDOM: [
      {
        tag: "pre",
        preserveWhitespace: "full",
        getAttrs: (el) => {
          const names = [...(el.firstElementChild?.classList ?? [])];
          const language = names.find((c) => c.startsWith(LANGUAGE_CLASS))?.slice(LANGUAGE_CLASS.length);
          return { language: language || null, meta: el.getAttribute("data-meta") || null };
        },
      },
    ],
    toDOM: (node) => [
      "pre",
      node.attrs.meta ? { "data-meta": String(node.attrs.meta) } : {},
      ["code", node.attrs.language ? { class: LANGUAGE_CLASS + String(node.attrs.language) } : {}, 0],
    ],
  },
  horizontalRule: { group: "block", parseDOM: [{ tag: "hr" }], toDOM: () => ["hr"] },
  hardBreak: {
    group: "inline",
    inline: true,
    selectable: false,
    linebreakReplacement: true,
    parseDOM: [{ tag: "br" }],
    toDOM: () => ["br"],
    leafText: () => "\n",
  },
  /** start: null for `- [ ]` tasks, the first number for `1. [ ]` tasks */
  taskList: {
    content: "taskItem+",
    group: "block list",
    attrs: { ...SPREAD, start: { default: null } },
    parseDOM: [
      {
        tag: 'ul[data-type="taskList"]',
        priority: 51,
        getAttrs: (el) => {
          const start = parseInt(el.getAttribute("data-start") ?? "", 10);
          return { spread: spreadOf(el), start: Number.isInteger(start) ? start : null };
        },
      },
    ],
    toDOM: (node) => {
      const start = typeof node.attrs.start === "number" ? { "data-start": String(node.attrs.start) } : {};
      return ["ul", { "data-type": "taskList", ...spreadData(node.attrs.spread), ...start }, 0];
    },
  },
  taskItem: {
    content: "paragraph block*",
    defining: true,
    attrs: { checked: { default: false } },
    parseDOM: [
      {
        tag: 'li[data-type="taskItem"]',
        priority: 51,
        contentElement: (el) => (el as HTMLElement).querySelector(":scope > div") ?? el,
        getAttrs: (el) => ({ checked: ["", "true"].includes(el.getAttribute("data-checked") ?? "false") }),
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      "li",
      { "data-type": "taskItem", "data-checked": String(node.attrs.checked) },
      ["label", ["input", node.attrs.checked ? { type: "checkbox", checked: "checked" } : { type: "checkbox" }], ["span"]],
      ["div", 0],
    ],
  },
  table: { content: "tableRow+", group: "block", isolating: true, tableRole: "table", parseDOM: [{ tag: "table" }], toDOM: () => ["table", ["tbody", 0]] },
  tableRow: { content: "(tableCell | tableHeader)*", tableRole: "row", parseDOM: [{ tag: "tr" }], toDOM: () => ["tr", 0] },
  tableHeader: cell("th", "header_cell"),
  tableCell: cell("td", "cell"),
  /** A Mermaid diagram: its source is the node's only content, drawn by the browser. */
  mermaid: {
    group: "block",
    atom: true,
    selectable: true,
    draggable: true,
    attrs: { source: { default: "" }, meta: { default: null } },
    // before code blocks' plain "pre"
    parseDOM: [{ tag: "pre[data-type=mermaid]", priority: 60, getAttrs: (el) => ({ source: el.textContent ?? "", meta: el.getAttribute("data-meta") || null }) }],
    toDOM: (node) => ["pre", node.attrs.meta ? { "data-type": "mermaid", "data-meta": String(node.attrs.meta) } : { "data-type": "mermaid" }, String(node.attrs.source ?? "")],
  },
  /** A greyed template hint such as "[Project Name]": not content, replaced when typed over. */
  placeholder: {
    group: "inline",
    inline: true,
    atom: true,
    selectable: true,
    attrs: { label: { default: "" } },
    parseDOM: [{ tag: "span[data-placeholder]", getAttrs: (el) => ({ label: el.textContent ?? "" }) }],
    toDOM: (node) => ["span", { "data-placeholder": "", class: "sw-placeholder" }, String(node.attrs.label ?? "")],
  },
  /**
   * A workspace member named in the text ("@Ada Lovelace"): their user id, and their name as it
   * was when they were mentioned. The person is notified when the mention is stored.
   */
  mention: {
    group: "inline",
    inline: true,
    atom: true,
    selectable: true,
    attrs: { id: { default: "" }, label: { default: "" } },
    leafText: (node) => `@${String(node.attrs.label ?? "")}`,
    parseDOM: [{ tag: "span[data-type=mention]", priority: 60, getAttrs: (el) => ({ id: el.getAttribute("data-id") ?? "", label: el.getAttribute("data-label") ?? "" }) }],
    toDOM: (node) => ["span", { "data-type": "mention", "data-id": String(node.attrs.id ?? ""), "data-label": String(node.attrs.label ?? ""), class: "sw-mention" }, `@${String(node.attrs.label ?? "")}`],
  },
  ...markdownNodes,
};

const AUTOLINKS = ["angle", "literal"];

const MAX_TITLE = 1000;

/** A link's title, if it is text; anything else a stored document holds is ignored. */
function linkTitle(value: unknown): string | null {
  return typeof value === "string" && value ? value.slice(0, MAX_TITLE) : null;
}

/** The document's marks, in the order they take in JSON. */
export const documentMarkSpecs: Record<string, MarkSpec> = {
  /**
   * Only addresses `safeDocumentHref` accepts are parsed or rendered. `target`, `rel` and `class`
   * stay declared because tiptap's link has them (stored JSON names them), but their stored
   * values are never read: rendering always uses ours (`linkAttributes`), so a document
   * cannot make a link `rel="opener"` or style it as a page-wide overlay.
   * How the link was written in Markdown: `reference`/`referenceType` for `[text][label]`
   * (`href` is then the definition's target), `autolink` "angle" for `<https://…>` and
   * "literal" for a bare address; all null for `[text](href)`.
   */
  link: {
    inclusive: false,
    attrs: {
      href: { default: null },
      target: { default: LINK_TARGET },
      rel: { default: LINK_REL },
      class: { default: null },
      title: { default: null },
      reference: { default: null },
      referenceType: { default: null },
      autolink: { default: null },
    },
    parseDOM: [
      {
        tag: "a[href]",
        getAttrs: (el) => {
          const href = safeDocumentHref(el.getAttribute("href"));
          const autolink = el.getAttribute("data-autolink");
          return href ? { href, title: linkTitle(el.getAttribute("title")), ...referenceAttrs(el), autolink: autolink && AUTOLINKS.includes(autolink) ? autolink : null } : false;
        },
      },
    ],
    toDOM: (mark) => {
      const href = safeDocumentHref(mark.attrs.href);
      const title = linkTitle(mark.attrs.title);
      // an unsafe stored address still shows its text, as a link to nowhere
      const attrs: Record<string, string> = href ? { ...linkAttributes(href) } : { rel: LINK_REL };
      if (title) attrs.title = title;
      if (typeof mark.attrs.reference === "string") attrs["data-reference"] = mark.attrs.reference;
      const type = referenceTypeOf(mark.attrs.referenceType);
      if (type) attrs["data-reference-type"] = type;
      if (typeof mark.attrs.autolink === "string" && AUTOLINKS.includes(mark.attrs.autolink)) attrs["data-autolink"] = mark.attrs.autolink;
      return ["a", attrs, 0];
    },
  },
  bold: {
    parseDOM: [
      { tag: "strong" },
      { tag: "b", getAttrs: (el) => el.style.fontWeight !== "normal" && null },
      { style: "font-weight=400", clearMark: (m) => m.type.name === "bold" },
      { style: "font-weight", getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null },
    ],
    toDOM: () => ["strong", 0],
  },
  italic: {
    parseDOM: [
      { tag: "em" },
      { tag: "i", getAttrs: (el) => el.style.fontStyle !== "normal" && null },
      { style: "font-style=normal", clearMark: (m) => m.type.name === "italic" },
      { style: "font-style=italic" },
    ],
    toDOM: () => ["em", 0],
  },
  strike: {
    parseDOM: [{ tag: "s" }, { tag: "del" }, { tag: "strike" }, { style: "text-decoration", consuming: false, getAttrs: (value) => (value.includes("line-through") ? {} : false) }],
    toDOM: () => ["s", 0],
  },
  code: { excludes: "_", code: true, parseDOM: [{ tag: "code" }], toDOM: () => ["code", 0] },
  // Tracked changes (suggestion mode): names, attributes and exclusions as
  // @handlewithcare/prosemirror-suggest-changes defines them. Never read from pasted HTML:
  // only the suggest transform makes them, so nobody pastes a suggestion under another name.
  insertion: { inclusive: false, excludes: "deletion modification insertion", attrs: { id: {} }, parseDOM: [], toDOM: (mark, inline) => suggestionDOM("ins", mark.attrs.id, inline) },
  deletion: { inclusive: false, excludes: "insertion modification deletion", attrs: { id: {} }, parseDOM: [], toDOM: (mark, inline) => suggestionDOM("del", mark.attrs.id, inline) },
  modification: {
    inclusive: false,
    excludes: "deletion insertion",
    attrs: { id: {}, type: {}, attrName: { default: null }, previousValue: { default: null }, newValue: { default: null } },
    parseDOM: [],
    toDOM: (mark, inline) => suggestionDOM(inline ? "span" : "div", mark.attrs.id, inline),
  },
};

/** A suggestion in its author's colour, with its id for accepting or rejecting it from the page. */
function suggestionDOM(tag: string, id: unknown, inline: boolean): DOMOutputSpec {
  const author = suggestionAuthor(id);
  const style = `--sw-person: ${author ? personColor(author) : "#64748b"}${inline ? "" : "; display: block"}`;
  return [tag, { class: "sw-suggestion", "data-suggestion": typeof id === "string" ? id : "", "data-author": author ?? "", style }, 0];
}
