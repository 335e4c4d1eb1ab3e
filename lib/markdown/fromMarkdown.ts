import type { BlockContent, DefinitionContent, List, ListItem, PhrasingContent, RootContent, Table } from "mdast";
import type { PMDoc, PMMark, PMNode } from "../editor/schema";
import { safeHref } from "../util/safeUrl";
import { parseMarkdown } from "./parse";

// [Project Name], [Description] … and {feature}: template hints, shown greyed in the editor
const PLACEHOLDER = /\[([A-Za-z][^[\]\n]{0,79})\]|\{([A-Za-z][^{}\n]{0,59})\}/g;

export interface MarkdownToDocResult {
  doc: PMDoc;
  /** raw HTML and other constructs that were kept as plain text */
  keptAsText: string[];
}

/** Splits text into text and placeholder nodes. */
function textWithPlaceholders(value: string, marks: PMMark[]): PMNode[] {
  const nodes: PMNode[] = [];
  let last = 0;
  for (const match of value.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push(textNode(value.slice(last, index), marks));
    nodes.push({ type: "placeholder", attrs: { label: match[0] } });
    last = index + match[0].length;
  }
  if (last < value.length) nodes.push(textNode(value.slice(last), marks));
  return nodes;
}

/** `marks` plus a link to `url` when it is an address we link to (unsafe ones are dropped, the text kept). */
function withLink(marks: PMMark[], url: string): PMMark[] {
  const href = safeHref(url);
  return href ? [...marks, { type: "link", attrs: { href } }] : marks;
}

function textNode(text: string, marks: PMMark[]): PMNode {
  return marks.length ? { type: "text", text, marks } : { type: "text", text };
}

class Converter {
  readonly keptAsText: string[] = [];

  inline(nodes: PhrasingContent[], marks: PMMark[] = []): PMNode[] {
    const out: PMNode[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case "text":
          out.push(...(marks.some((m) => m.type === "code" || m.type === "link") ? [textNode(node.value, marks)] : textWithPlaceholders(node.value, marks)));
          break;
        case "strong":
          out.push(...this.inline(node.children, [...marks, { type: "bold" }]));
          break;
        case "emphasis":
          out.push(...this.inline(node.children, [...marks, { type: "italic" }]));
          break;
        case "delete":
          out.push(...this.inline(node.children, [...marks, { type: "strike" }]));
          break;
        case "inlineCode":
          if (node.value) out.push(textNode(node.value, [...marks, { type: "code" }]));
          break;
        case "link":
          out.push(...this.inline(node.children, withLink(marks, node.url)));
          break;
        case "image":
          if (node.alt) out.push(textNode(node.alt, withLink(marks, node.url)));
          break;
        case "break":
          out.push({ type: "hardBreak" });
          break;
        case "html":
          this.keptAsText.push(node.value);
          out.push(textNode(node.value, marks));
          break;
        default:
          break;
      }
    }
    return mergeText(out);
  }

  blocks(nodes: (RootContent | BlockContent | DefinitionContent)[]): PMNode[] {
    const out: PMNode[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case "heading":
          out.push({ type: "heading", attrs: { level: node.depth }, content: this.inline(node.children) });
          break;
        case "paragraph": {
          const content = this.inline(node.children);
          out.push(content.length ? { type: "paragraph", content } : { type: "paragraph" });
          break;
        }
        case "code":
          if ((node.lang ?? "").toLowerCase() === "mermaid") out.push({ type: "mermaid", attrs: { source: node.value } });
          else out.push({ type: "codeBlock", attrs: { language: node.lang ?? null }, ...(node.value ? { content: [{ type: "text", text: node.value }] } : {}) });
          break;
        case "blockquote":
          out.push({ type: "blockquote", content: nonEmpty(this.blocks(node.children)) });
          break;
        case "thematicBreak":
          out.push({ type: "horizontalRule" });
          break;
        case "list":
          out.push(this.list(node));
          break;
        case "table":
          out.push(this.table(node));
          break;
        case "html":
          this.keptAsText.push(node.value);
          out.push({ type: "paragraph", content: [{ type: "text", text: node.value }] });
          break;
        default:
          break;
      }
    }
    return out;
  }

  list(node: List): PMNode {
    const isTask = node.children.some((item) => typeof item.checked === "boolean");
    if (isTask) {
      return { type: "taskList", content: node.children.map((item) => ({ type: "taskItem", attrs: { checked: item.checked === true }, content: this.itemBody(item) })) };
    }
    const items = node.children.map((item) => ({ type: "listItem" as const, content: this.itemBody(item) }));
    return node.ordered ? { type: "orderedList", attrs: { start: node.start ?? 1 }, content: items } : { type: "bulletList", content: items };
  }

  /** A list item holds a paragraph first, then any blocks. */
  itemBody(item: ListItem): PMNode[] {
    const blocks = this.blocks(item.children);
    return blocks[0]?.type === "paragraph" ? blocks : [{ type: "paragraph" }, ...blocks];
  }

  table(node: Table): PMNode {
    const rows = node.children.map((row, r) => ({
      type: "tableRow" as const,
      content: row.children.map((cell) => {
        const content = this.inline(cell.children);
        return { type: r === 0 ? ("tableHeader" as const) : ("tableCell" as const), content: [content.length ? { type: "paragraph" as const, content } : { type: "paragraph" as const }] };
      }),
    }));
    return { type: "table", content: rows };
  }
}

function nonEmpty(blocks: PMNode[]): PMNode[] {
  return blocks.length ? blocks : [{ type: "paragraph" }];
}

function sameMarks(a: PMMark[] | undefined, b: PMMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
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
 * Converts GitHub-flavoured Markdown to the editor's document JSON: headings, lists, task
 * lists, tables (first row as header cells), code blocks with language, ```mermaid fences
 * as Mermaid nodes, and `[Placeholder]`/`{placeholder}` as greyed hint nodes. Unsafe link
 * targets are dropped; raw HTML is kept as text and reported.
 */
export function markdownToDoc(markdown: string): MarkdownToDocResult {
  return mdastToDoc(parseMarkdown(markdown).children);
}

/**
 * Converts already-parsed top-level mdast blocks (for example one section's share of a file
 * parsed whole, so references resolve against definitions anywhere in it) to document JSON.
 */
export function mdastToDoc(nodes: RootContent[]): MarkdownToDocResult {
  const converter = new Converter();
  const content = converter.blocks(nodes);
  return { doc: { type: "doc", content: nonEmpty(content) }, keptAsText: converter.keptAsText };
}
