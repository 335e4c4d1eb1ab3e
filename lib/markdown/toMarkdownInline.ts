import type { Link, LinkReference, PhrasingContent, Text } from "mdast";
import { defaultHandlers, type Handle, type Info, type State } from "mdast-util-to-markdown";
import { safeDocumentHref, safeImageSrc } from "../editor/documentUrls";
import { referenceTypeOf } from "../editor/markdownNodes";
import type { PMMark, PMNode } from "../editor/schema";
import { placeholderPieces } from "./fromMarkdownInline";

declare module "mdast" {
  interface LinkReferenceData {
    /** a template hint `[Label]` (a shortcut reference without a definition), not a link */
    placeholder?: boolean;
  }
  interface LinkData {
    /** written as a bare address rather than `<…>` or `[…](…)` */
    autolink?: "literal";
  }
}

/** How a reference's label is matched to its definition (CommonMark's normalisation, near enough). */
export function normalizeIdentifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, " ").trim().toLowerCase().toUpperCase().toLowerCase();
}

/** A bracketed placeholder as an mdast node: a shortcut reference without a definition. */
function placeholderNode(label: string): PhrasingContent {
  const inner = label.startsWith("[") && label.endsWith("]") ? label.slice(1, -1) : "";
  if (!inner) return { type: "text", value: label };
  return { type: "linkReference", referenceType: "shortcut", identifier: inner.toLowerCase(), label: inner, children: [{ type: "text", value: inner }], data: { placeholder: true } };
}

/**
 * A placeholder is written back as `[Label]`, unescaped like the template it came from. The
 * opening bracket is escaped only where it would start a link (`[L](…)`, `[L][…]`) or a
 * definition (`[L]:`). Real references are written by the default handler.
 */
export const linkReferenceHandle: Handle = Object.assign(
  (node: LinkReference, parent: Parameters<Handle>[1], state: State, info: Info): string => {
    if (!node.data?.placeholder) return defaultHandlers.linkReference(node, parent, state, info);
    const inner = state.safe(node.label ?? "", { before: "[", after: "]" });
    return `${/^[(:[]/.test(info.after) ? "\\" : ""}[${inner}]`;
  },
  { peek: () => "[" },
);

/** Whether `node` comes right after a footnote call or a link reference (a placeholder escapes its own bracket). */
function followsReference(node: Text, parent: Parameters<Handle>[1]): boolean {
  const siblings = parent && "children" in parent ? (parent.children as PhrasingContent[]) : [];
  const before = siblings[siblings.indexOf(node) - 1];
  return before?.type === "footnoteReference" || before?.type === "imageReference" || (before?.type === "linkReference" && !before.data?.placeholder);
}

/**
 * Text in brackets (`[1]`, `> [!NOTE]`) is written without escaping the bracket where it
 * cannot become a link: not followed by `(`, `[` or `:`, not a task box (`[ ]`, `[x]`), not a
 * footnote marker, and not the label of a definition in the document. A colon just after a
 * reference is escaped.
 */
export function textHandle(definitions: ReadonlySet<string>): Handle {
  return (node: Text, parent, state, info) => {
    const written = defaultHandlers.text(node, parent, state, info);
    // a colon right after a reference (`[^1]: note` at the start of a line) would make it a definition
    const out = written.startsWith(":") && followsReference(node, parent) ? `\\${written}` : written;
    return out.replace(/\\\[([^[\]\\\n]*)\]/g, (match: string, inner: string, offset: number) => {
      const next = out.charAt(offset + match.length) || info.after.charAt(0);
      const keep = /[([:]/.test(next) || /^[ xX]?$/.test(inner) || inner.startsWith("^") || definitions.has(normalizeIdentifier(inner));
      return keep ? match : `[${inner}]`;
    });
  };
}

/** An address GFM reads as a link by itself: characters that need no escaping, ending in a letter, digit or slash. */
const LITERAL_TEXT = /^(?:(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#@!$'+,;=%()]*[A-Za-z0-9/]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/;
/** An e-mail address CommonMark accepts between `<` and `>` (its 6.5 grammar). */
const ANGLE_EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** What may stand before a bare address, and after it (trailing punctuation, then a space or the end). */
const LITERAL_BEFORE = /(?:^|[\s(])$/;
const LITERAL_AFTER = /^[.,:;!?"')]*\s/;
const LITERAL_END = /^[.,:;!?"')]*$/;

function isBareAddress(node: PhrasingContent): node is Link {
  const child = node.type === "link" ? node.children[0] : undefined;
  if (node.type !== "link" || node.data?.autolink !== "literal" || node.children.length !== 1 || child?.type !== "text" || node.title) return false;
  const text = child.value;
  return (node.url === text || node.url === `http://${text}` || node.url === `mailto:${text}`) && LITERAL_TEXT.test(text);
}

/**
 * Keeps the bare form only for addresses that GFM will read back as the same link: plain text
 * (or nothing) on both sides, a space or the start before, and trailing punctuation then a
 * space or the end after. Others are written `<…>` (or `[…](…)`).
 */
function settleBareAddresses(parent: PhrasingParent, nested = false): void {
  parent.children.forEach((node, i) => {
    if ("children" in node) settleBareAddresses(node as PhrasingParent, true);
    if (node.type !== "link" || !node.data?.autolink) return;
    // inside emphasis, a delimiter (or its escape) would run on into the address
    if (nested) return void delete node.data.autolink;
    const before = parent.children[i - 1];
    const after = parent.children[i + 1];
    const beforeOk = before === undefined || (before.type === "text" && LITERAL_BEFORE.test(before.value));
    const last = i + 2 >= parent.children.length;
    const afterOk = after === undefined || (after.type === "text" && (LITERAL_AFTER.test(after.value) || (last && LITERAL_END.test(after.value))));
    if (!(beforeOk && afterOk && isBareAddress(node))) delete node.data.autolink;
  });
}

/** HTML that starts an HTML block at the start of a line (CommonMark 4.6, kinds 1 to 6). */
const HTML_BLOCK_START =
  /^<(?:(?:script|pre|style|textarea)(?:\s|>|$)|!--|\?|![A-Za-z]|!\[CDATA\[|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$))/i;

/**
 * Inline HTML that would begin a line with a block-level tag (only possible once a link
 * around it was dropped, or after an edit) would turn the whole paragraph into raw HTML on
 * the next read: it is written as text instead, the same characters.
 */
function keepParagraphsParagraphs(children: PhrasingContent[]): void {
  for (let i = children.length - 1; i >= 0; i--) {
    const node = children[i]!;
    const before = children[i - 1];
    const atLineStart = before === undefined || before.type === "break" || (before.type === "text" && before.value.endsWith("\n"));
    if (node.type === "html" && atLineStart && HTML_BLOCK_START.test(node.value)) children.splice(i, 1, ...asText(node.value));
  }
}

/** HTML written as the text it reads back as: its `[Label]` hints are placeholders there, written as such. */
function asText(value: string): PhrasingContent[] {
  return placeholderPieces(value).map((p) => (p.placeholder ? placeholderNode(p.text) : { type: "text", value: p.text }));
}

/** A link marked as a bare address (see `settleBareAddresses`) is written as its text alone. */
export const linkHandle: Handle = (node: Link, parent, state, info) => {
  const child = node.children[0];
  if (node.data?.autolink === "literal" && child?.type === "text") return child.value;
  // `<a@b.c_d>` is no autolink to CommonMark: such an address is written `[a@b.c_d](mailto:…)`
  const email = node.url.startsWith("mailto:") && node.children.length === 1 && child?.type === "text" && child.value === node.url.slice(7);
  if (!email || ANGLE_EMAIL.test(child.value)) return defaultHandlers.link(node, parent, state, info);
  const resourceLink = state.options.resourceLink;
  state.options.resourceLink = true;
  try {
    return defaultHandlers.link(node, parent, state, info);
  } finally {
    state.options.resourceLink = resourceLink;
  }
};

/** Marks that wrap phrasing, outermost first; `code` is a leaf (inline code) instead. */
const WRAP_ORDER = ["bold", "italic", "strike", "link"] as const;
type WrapMark = PMMark & { type: (typeof WRAP_ORDER)[number] };

function wrapMarks(marks: PMMark[] | undefined): WrapMark[] {
  return (marks ?? [])
    .filter((m): m is WrapMark => (WRAP_ORDER as readonly string[]).includes(m.type))
    .filter((m) => m.type !== "link" || safeDocumentHref(m.attrs?.href) !== null)
    .sort((a, b) => WRAP_ORDER.indexOf(a.type) - WRAP_ORDER.indexOf(b.type));
}

function markKey(mark: WrapMark): string {
  if (mark.type !== "link") return mark.type;
  const a = mark.attrs ?? {};
  return JSON.stringify(["link", safeDocumentHref(a.href), a.title ?? null, a.reference ?? null, a.referenceType ?? null, a.autolink ?? null]);
}

type PhrasingParent = { children: PhrasingContent[] };

/** Options for writing one block's inline content. */
export interface PhrasingContext {
  /** in a table cell: line breaks would end the row, so they become spaces */
  inCell: boolean;
  /** identifiers of the link definitions in the document being written */
  definitions: ReadonlySet<string>;
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function linkWrapper(mark: WrapMark, ctx: PhrasingContext): PhrasingContent & PhrasingParent {
  const a = mark.attrs ?? {};
  const url = safeDocumentHref(a.href) ?? "";
  const reference = str(a.reference);
  const referenceType = referenceTypeOf(a.referenceType);
  // a reference is written as one only while its definition is in the document
  if (reference && referenceType && ctx.definitions.has(normalizeIdentifier(reference))) {
    return { type: "linkReference", identifier: normalizeIdentifier(reference), label: reference, referenceType, children: [] };
  }
  const title = str(a.title) || null;
  return { type: "link", url, title, children: [], ...(a.autolink === "literal" ? { data: { autolink: "literal" as const } } : {}) };
}

function wrapper(mark: WrapMark, ctx: PhrasingContext): PhrasingContent & PhrasingParent {
  switch (mark.type) {
    case "link":
      return linkWrapper(mark, ctx);
    case "bold":
      return { type: "strong", children: [] };
    case "italic":
      return { type: "emphasis", children: [] };
    case "strike":
      return { type: "delete", children: [] };
  }
}

function image(node: PMNode, ctx: PhrasingContext): PhrasingContent | null {
  const a = node.attrs ?? {};
  const alt = str(a.alt);
  const src = safeImageSrc(a.src);
  if (!src) return alt ? { type: "text", value: alt } : null;
  const reference = str(a.reference);
  const referenceType = referenceTypeOf(a.referenceType);
  if (reference && referenceType && ctx.definitions.has(normalizeIdentifier(reference))) {
    return { type: "imageReference", identifier: normalizeIdentifier(reference), label: reference, referenceType, alt };
  }
  return { type: "image", url: src, alt, title: str(a.title) || null };
}

/** What may begin a block that interrupts a paragraph: a quote, heading, list, rule, setext underline, fence, HTML block or table delimiter row. */
const BLOCK_START = /(\r?\n|\r)(?=[>#\-+*=_~`<|:\d])/g;

/**
 * Inline HTML spanning lines (a comment, a tag with an attribute on the next line) is read
 * without its lines' indentation. Written so, a line that begins like a block (`>`, `- x`,
 * `# x`, …) would end the paragraph there: such a line is indented by four spaces, as no
 * block that may interrupt a paragraph can be (the parser drops them again on reading).
 */
function indentBlockStarts(parent: PhrasingParent): void {
  for (const node of parent.children) {
    if (node.type === "html") node.value = node.value.replace(BLOCK_START, "$1    ");
    else if ("children" in node) indentBlockStarts(node as PhrasingParent);
  }
}

/** One inline PM node as an mdast leaf. */
function leaf(node: PMNode, ctx: PhrasingContext): PhrasingContent | null {
  const isCode = node.marks?.some((m) => m.type === "code") ?? false;
  const flatten = (text: string) => (ctx.inCell ? text.replace(/\s*[\r\n]+\s*/g, " ") : text);
  switch (node.type) {
    case "text": {
      const value = flatten(node.text ?? "");
      if (!value) return null;
      return isCode ? { type: "inlineCode", value } : { type: "text", value };
    }
    case "hardBreak":
      return ctx.inCell ? { type: "text", value: " " } : { type: "break" };
    case "placeholder": {
      const value = flatten(str(node.attrs?.label));
      if (!value) return null;
      return isCode ? { type: "inlineCode", value } : placeholderNode(value);
    }
    case "image":
      return image(node, ctx);
    case "htmlInline": {
      const value = flatten(str(node.attrs?.html));
      return value ? { type: "html", value } : null;
    }
    case "mention": {
      // a person named in the text reads as their name after an @
      const value = `@${flatten(str(node.attrs?.label))}`;
      return isCode ? { type: "inlineCode", value } : { type: "text", value };
    }
    case "footnoteReference": {
      const identifier = str(node.attrs?.identifier) || str(node.attrs?.label);
      return identifier ? { type: "footnoteReference", identifier, label: str(node.attrs?.label) || identifier } : null;
    }
    default:
      return null;
  }
}

/**
 * Spaces at the start and end of a block's text, and around its soft line breaks, are not
 * content in Markdown (a parser drops them); written out they would need `&#x20;`. Nor is a
 * hard break at the end of a block.
 */
function tidyWhitespace(nodes: PMNode[]): PMNode[] {
  const isPlain = (n: PMNode | undefined) => n?.type === "text" && !n.marks?.some((m) => m.type === "code");
  const out = nodes.map((n) => (isPlain(n) ? { ...n, text: (n.text ?? "").replace(/[ \t]*\n[ \t\n]*/g, "\n") } : n));
  let lineStart = true;
  for (let i = 0; i < out.length; i++) {
    const node = out[i]!;
    if (node.type === "hardBreak") lineStart = true;
    if (!isPlain(node)) {
      if (node.type !== "hardBreak") lineStart = false;
      continue;
    }
    const text: string = lineStart ? (node.text ?? "").replace(/^[ \t\n]+/, "") : (node.text ?? "");
    out[i] = { ...node, text };
    if (text) lineStart = text.endsWith("\n");
  }
  // a hard break with nothing after it ends the block: Markdown has no way to write it (a
  // trailing `\` would read back as a backslash)
  let end = out.length;
  for (let i = out.length - 1; i >= 0 && (isPlain(out[i]) || out[i]!.type === "hardBreak"); i--) {
    if (out[i]!.type === "hardBreak") {
      end = i;
      continue;
    }
    const text = (out[i]!.text ?? "").replace(/[ \t\n]+$/, "");
    out[i] = { ...out[i]!, text };
    if (text) break;
  }
  return out.slice(0, end);
}

/** How many leaves from `from` on carry the mark `key`. */
function runLength(leaves: { keys: string[] }[], from: number, key: string): number {
  let end = from;
  while (end < leaves.length && leaves[end]!.keys.includes(key)) end++;
  return end - from;
}

/**
 * PM inline content (flat text runs with mark sets) as nested mdast phrasing. Marks already
 * open stay open across runs that share them (so `**a *b***` stays one strong node and
 * `**a [b](u) c**` one strong around the link); marks that open together nest longest
 * run outermost, then bold, italic, strike, link.
 */
export function phrasing(nodes: PMNode[], ctx: PhrasingContext): PhrasingContent[] {
  const root: PhrasingParent = { children: [] };
  const open: { key: string; node: PhrasingParent }[] = [];
  const leaves = tidyWhitespace(nodes).flatMap((node) => {
    const content = leaf(node, ctx);
    const marks = wrapMarks(node.marks);
    return content ? [{ content, marks, keys: marks.map(markKey) }] : [];
  });
  leaves.forEach(({ content, marks: own, keys }, index) => {
    let shared = 0;
    while (shared < open.length && keys.includes(open[shared]!.key)) shared++;
    open.length = shared;
    const opened = new Set(open.map((o) => o.key));
    const fresh = own
      .filter((mark) => !opened.has(markKey(mark)))
      .map((mark) => ({ mark, run: runLength(leaves, index, markKey(mark)) }))
      .sort((a, b) => b.run - a.run || WRAP_ORDER.indexOf(a.mark.type) - WRAP_ORDER.indexOf(b.mark.type))
      .map(({ mark }) => mark);
    for (const mark of fresh) {
      const created = wrapper(mark, ctx);
      (open.at(-1)?.node ?? root).children.push(created);
      open.push({ key: markKey(mark), node: created });
    }
    (open.at(-1)?.node ?? root).children.push(content);
  });
  settleBareAddresses(root);
  keepParagraphsParagraphs(root.children);
  indentBlockStarts(root);
  return root.children;
}
