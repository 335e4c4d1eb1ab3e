import type { Definition, Link, Nodes, PhrasingContent } from "mdast";
import { safeDocumentHref, safeImageSrc } from "../editor/documentUrls";
import type { PMMark, PMNode } from "../editor/schema";

// [Project Name], [Description] … and {feature}: template hints, shown greyed in the editor
/** A template hint in text: `[Label]` or `{label}` (read as a placeholder node). */
const PLACEHOLDER = /\[([A-Za-z][^[\]\n]{0,79})\]|\{([A-Za-z][^{}\n]{0,59})\}/g;

/** Link reference definitions by identifier. */
export type Definitions = ReadonlyMap<string, Definition>;

/** The text of an mdast node and its descendants (images by their alt text). */
export function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  return "children" in node ? node.children.map((child: Nodes) => plainText(child)).join("") : "";
}

function textNode(text: string, marks: PMMark[]): PMNode {
  return marks.length ? { type: "text", text, marks } : { type: "text", text };
}

/** Text cut at its template hints: each piece with whether it is a hint (`[Label]`, `{label}`). */
export function placeholderPieces(value: string): { text: string; placeholder: boolean }[] {
  const pieces: { text: string; placeholder: boolean }[] = [];
  let last = 0;
  for (const match of value.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) pieces.push({ text: value.slice(last, index), placeholder: false });
    pieces.push({ text: match[0], placeholder: true });
    last = index + match[0].length;
  }
  if (last < value.length) pieces.push({ text: value.slice(last), placeholder: false });
  return pieces;
}

/** Splits text into text and placeholder nodes. */
function textWithPlaceholders(value: string, marks: PMMark[]): PMNode[] {
  return placeholderPieces(value).map((p) => (p.placeholder ? { type: "placeholder", attrs: { label: p.text } } : textNode(p.text, marks)));
}

function sameMarks(a: PMMark[] | undefined, b: PMMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** `marks` with `type` added, unless it is there already (`*a *b* c*` is italic once, not twice). */
function withMark(marks: PMMark[], type: "bold" | "italic" | "strike" | "code"): PMMark[] {
  return marks.some((mark) => mark.type === type) ? marks : [...marks, { type }];
}

function mergeText(nodes: PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (node.type === "text" && !node.text) continue;
    if (prev?.type === "text" && node.type === "text" && sameMarks(prev.marks, node.marks)) prev.text = `${prev.text ?? ""}${node.text ?? ""}`;
    else out.push({ ...node });
  }
  return out;
}

/**
 * How a link with its address as its text was written: "literal" for a bare address (its
 * text spans the whole link), "angle" for `<https://…>`, else null. Read from positions.
 */
function autolinkForm(node: Link, source: string | undefined): "angle" | "literal" | null {
  const child = node.children[0];
  if (node.children.length !== 1 || child?.type !== "text" || node.title) return null;
  const [start, end] = [node.position?.start.offset, node.position?.end.offset];
  const [childStart, childEnd] = [child.position?.start.offset, child.position?.end.offset];
  // GFM finds some bare addresses after parsing, and gives them no position
  const text = child.value;
  if (start === undefined && (node.url === text || node.url === `http://${text}` || node.url === `mailto:${text}`)) return "literal";
  if (start === undefined || end === undefined || childStart === undefined || childEnd === undefined) return null;
  if (childStart === start && childEnd === end) return "literal";
  const angled = source === undefined || (source[start] === "<" && source[end - 1] === ">");
  return childStart === start + 1 && childEnd === end - 1 && angled ? "angle" : null;
}

/** Phrasing content → PM inline nodes with marks. */
export class InlineConverter {
  constructor(
    private readonly source: string | undefined,
    private readonly definition: (identifier: string) => Definition | undefined,
    private readonly onHtml: (html: string) => void,
  ) {}

  /** Inline nodes; `[Label]` and `{label}` in text outside code and links become placeholders. */
  convert(nodes: PhrasingContent[], marks: PMMark[] = []): PMNode[] {
    return mergeText(nodes.flatMap((node) => this.node(node, marks))).flatMap((node) =>
      node.type === "text" && !node.marks?.some((m) => m.type === "code" || m.type === "link") ? textWithPlaceholders(node.text ?? "", node.marks ?? []) : [node],
    );
  }

  private node(node: PhrasingContent, marks: PMMark[]): PMNode[] {
    switch (node.type) {
      case "text":
        return [textNode(node.value, marks)];
      case "strong":
        return this.convert(node.children, withMark(marks, "bold"));
      case "emphasis":
        return this.convert(node.children, withMark(marks, "italic"));
      case "delete":
        return this.convert(node.children, withMark(marks, "strike"));
      case "inlineCode":
        // a code span's line endings read as spaces (CommonMark 6.1)
        return node.value ? [textNode(node.value.replace(/\r\n|\r|\n/g, " "), withMark(marks, "code"))] : [];
      case "break":
        return [{ type: "hardBreak" }];
      case "html": {
        // inside a paragraph, a line's indentation is not content (a parser drops it on the next read)
        const html = node.value.replace(/(\r?\n|\r)[ \t]+/g, "$1");
        this.onHtml(html);
        return [{ type: "htmlInline", attrs: { html }, ...(marks.length ? { marks } : {}) }];
      }
      case "footnoteReference":
        return [{ type: "footnoteReference", attrs: { identifier: node.identifier, label: node.label ?? node.identifier } }];
      case "link": {
        const href = safeDocumentHref(node.url);
        if (!href) return this.convert(node.children, marks);
        const link: PMMark = { type: "link", attrs: { href, title: node.title ?? null, reference: null, referenceType: null, autolink: autolinkForm(node, this.source) } };
        return this.convert(node.children, [...marks, link]);
      }
      case "linkReference": {
        const definition = this.definition(node.identifier);
        if (!definition) return this.unresolved(node.children, node.label ?? node.identifier, node.referenceType, marks);
        const href = safeDocumentHref(definition.url);
        // its definition came back as text (see definitionAsText): so does the reference, brackets and all
        if (!href) return this.unresolved(node.children, node.label ?? node.identifier, node.referenceType, marks);
        const reference = node.label ?? node.identifier;
        const link: PMMark = { type: "link", attrs: { href, title: definition.title ?? null, reference, referenceType: node.referenceType, autolink: null } };
        return this.convert(node.children, [...marks, link]);
      }
      case "image": {
        const src = safeImageSrc(node.url);
        return src ? [this.image(src, node.alt ?? "", node.title ?? null, null, null, marks)] : this.altText(node.alt, marks);
      }
      case "imageReference": {
        const definition = this.definition(node.identifier);
        const src = definition ? safeImageSrc(definition.url) : null;
        if (!src) return this.altText(node.alt, marks);
        return [this.image(src, node.alt ?? "", definition?.title ?? null, node.label ?? node.identifier, node.referenceType, marks)];
      }
      default:
        return [];
    }
  }

  private image(src: string, alt: string, title: string | null, reference: string | null, referenceType: string | null, marks: PMMark[]): PMNode {
    const node: PMNode = { type: "image", attrs: { src, alt, title, reference, referenceType } };
    return marks.length ? { ...node, marks } : node;
  }

  private altText(alt: string | null | undefined, marks: PMMark[]): PMNode[] {
    return alt ? [textNode(alt, marks)] : [];
  }

  /** A reference whose definition is not at hand: its text, with the brackets it was written with. */
  private unresolved(children: PhrasingContent[], label: string, type: "full" | "collapsed" | "shortcut", marks: PMMark[]): PMNode[] {
    const tail = type === "full" ? `[${label}]` : type === "collapsed" ? "[]" : "";
    return [textNode("[", marks), ...this.convert(children, marks), textNode(`]${tail}`, marks)];
  }
}
