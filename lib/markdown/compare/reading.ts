import type { Definition, Nodes, PhrasingContent, Root, RootContent, Table } from "mdast";
import type { Construct, Item } from "./types";
import { isLooseList } from "../parse";

/** The constructs read as ordered sequences of items (front matter and words are read apart). */
export type SequenceConstruct = Exclude<Construct, "frontMatter" | "text">;

export const SEQUENCE_CONSTRUCTS: readonly SequenceConstruct[] = [
  "heading",
  "table",
  "code",
  "mermaid",
  "task",
  "list",
  "block",
  "formatting",
  "link",
  "image",
  "definition",
  "footnote",
  "html",
];

export interface Word {
  word: string;
  line: number;
}

/** What a reader takes from a Markdown body, construct by construct, in document order. */
export interface Reading {
  sequences: Record<SequenceConstruct, Item[]>;
  /** every word of the text (paragraphs, headings, cells, link text…; not code, HTML or alt text); "↵" is a hard break */
  words: Word[];
  /** the headings with their lines, to say which section a line is in */
  sections: { line: number; title: string }[];
}

/** A run of visible text and the line it starts on. */
interface Piece {
  text: string;
  line: number;
}

const HARD_BREAK = " \u21b5 ";

/** Parents whose children run on in one line of text (the rest are blocks, separated by a space). */
const PHRASING_PARENTS = new Set(["paragraph", "heading", "tableCell", "emphasis", "strong", "delete", "link", "linkReference"]);

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The visible text of a node: text and inline code, not HTML, alt text or code blocks. */
export function plainText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "break") return " ";
  if (node.type === "html" || node.type === "code" || node.type === "image" || node.type === "imageReference") return " ";
  if ("children" in node) return collapse(node.children.map((child) => plainText(child)).join(PHRASING_PARENTS.has(node.type) ? "" : " "));
  return "";
}

function clip(text: string, length = 80): string {
  const flat = text.replace(/\n/g, "\\n");
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** A link target as a browser resolves it: `a%20b` and `a b` lead to the same place. */
function target(url: string | undefined): string {
  if (url === undefined) return "";
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function titled(title: string | null | undefined): string {
  return title ? ` "${title}"` : "";
}

class Reader {
  readonly sequences = Object.fromEntries(SEQUENCE_CONSTRUCTS.map((c) => [c, [] as Item[]])) as Record<SequenceConstruct, Item[]>;
  readonly words: Word[] = [];
  readonly sections: { line: number; title: string }[] = [];
  private readonly definitions = new Map<string, Definition>();

  constructor(root: Root) {
    const collect = (node: Nodes): void => {
      // the first definition of a label wins, as in CommonMark
      if (node.type === "definition" && !this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node);
      if ("children" in node) node.children.forEach(collect);
    };
    collect(root);
    for (const child of root.children) this.block(child, 0, 0);
  }

  private push(construct: SequenceConstruct, item: Item): void {
    this.sequences[construct].push(item);
  }

  private addWords(pieces: Piece[]): void {
    let text = "";
    const starts: { at: number; line: number }[] = [];
    for (const piece of pieces) {
      starts.push({ at: text.length, line: piece.line });
      text += piece.text;
    }
    // matches come in order, so the piece a word starts in only moves forward
    let piece = 0;
    for (const match of text.matchAll(/\S+/g)) {
      while (piece + 1 < starts.length && (starts[piece + 1]?.at ?? Infinity) <= match.index) piece++;
      this.words.push({ word: match[0], line: starts[piece]?.line ?? 0 });
    }
  }

  private block(node: RootContent, listDepth: number, quoteDepth: number): void {
    const line = lineOf(node);
    switch (node.type) {
      case "heading": {
        const pieces = this.inline(node.children, line);
        const text = collapse(pieces.map((p) => p.text).join("").replaceAll(HARD_BREAK, " "));
        this.push("heading", { key: `${node.depth} ${text}`, shown: `${"#".repeat(node.depth)} ${text}`, line });
        this.sections.push({ line, title: text });
        this.addWords(pieces);
        return;
      }
      case "paragraph":
        this.addWords(this.inline(node.children, line));
        return;
      case "blockquote":
        this.push("block", { key: `quote, level ${quoteDepth + 1}`, shown: `> ${clip(plainText(node), 60)}`, line });
        node.children.forEach((child) => this.block(child, listDepth, quoteDepth + 1));
        return;
      case "thematicBreak":
        this.push("block", { key: "thematic break", shown: "---", line });
        return;
      case "list": {
        const loose = isLooseList(node);
        const kind = node.ordered ? `ordered list from ${node.start ?? 1}` : "bullet list";
        const key = `${kind}, ${node.children.length} items, ${loose ? "loose" : "tight"}, level ${listDepth + 1}`;
        const first = node.children[0];
        this.push("list", { key, shown: `${key}: ${first ? clip(plainText(first), 50) : ""}`, line });
        node.children.forEach((item) => this.block(item, listDepth + 1, quoteDepth));
        return;
      }
      case "listItem": {
        if (typeof node.checked === "boolean") {
          const lead = node.children[0];
          const text = lead?.type === "paragraph" ? plainText(lead) : "";
          const box = node.checked ? "[x]" : "[ ]";
          this.push("task", { key: `${listDepth} ${box} ${text}`, shown: `${"  ".repeat(Math.max(0, listDepth - 1))}- ${box} ${clip(text)}`, line });
        }
        node.children.forEach((child) => this.block(child, listDepth, quoteDepth));
        return;
      }
      case "code": {
        const lang = node.lang ?? "";
        const meta = node.meta ?? "";
        const lines = node.value.split("\n");
        this.push(lang.toLowerCase() === "mermaid" ? "mermaid" : "code", {
          key: JSON.stringify([lang, meta, node.value]),
          shown: `\`\`\`${lang}${meta ? ` ${meta}` : ""} ${clip(lines[0] ?? "", 60)} (${lines.length} lines)`,
          line,
          detail: [`language: ${lang || "(none)"}`, `info: ${meta || "(none)"}`, ...lines.map((l, i) => `line ${i + 1}: ${l}`)],
        });
        return;
      }
      case "html":
        this.push("html", { key: node.value, shown: clip(node.value), line });
        return;
      case "table":
        this.table(node);
        return;
      case "definition":
        this.push("definition", {
          key: `${node.identifier}\t${target(node.url)}\t${node.title ?? ""}`,
          shown: `[${node.label ?? node.identifier}]: ${node.url}${titled(node.title)}`,
          line,
        });
        return;
      case "footnoteDefinition":
        this.push("footnote", {
          key: `definition ${node.identifier}: ${plainText(node)}`,
          shown: `[^${node.label ?? node.identifier}]: ${clip(plainText(node), 60)}`,
          line,
        });
        node.children.forEach((child) => this.block(child, listDepth, quoteDepth));
        return;
      default:
        return;
    }
  }

  private table(node: Table): void {
    const align = (node.align ?? []).map((a) => a ?? "none");
    const detail = [`alignment: ${align.join(", ")}`];
    const width = node.children[0]?.children.length ?? 0;
    const rows = node.children.map((row, r) => {
      const cells = row.children.map((cell) => {
        const pieces = this.inline(cell.children, lineOf(cell));
        this.addWords(pieces);
        return collapse(pieces.map((p) => p.text).join(""));
      });
      // a short row reads as one with empty cells at its end
      while (cells.length < width) cells.push("");
      cells.forEach((text, c) => detail.push(`row ${r + 1}, column ${c + 1}: ${text}`));
      return cells;
    });
    const header = (rows[0] ?? []).join(" | ");
    this.push("table", {
      key: JSON.stringify({ align, rows }),
      shown: `table of ${rows.length} rows: | ${clip(header, 60)} |`,
      line: lineOf(node),
      detail,
    });
  }

  /** Visible text of inline content; links, images, footnote references, HTML and formatting are recorded on the way. */
  private inline(nodes: PhrasingContent[], parentLine: number): Piece[] {
    const pieces: Piece[] = [];
    for (const node of nodes) {
      // bare URLs are linked after parsing, without a position: they are on their parent's line
      const line = lineOf(node) || parentLine;
      switch (node.type) {
        case "text":
        case "inlineCode":
          pieces.push({ text: node.value, line });
          break;
        case "break":
          pieces.push({ text: HARD_BREAK, line });
          break;
        case "emphasis":
        case "strong":
        case "delete": {
          // `***a***` and `**_a_**` read the same: formatting around the same text is recorded in one order
          const chain: PhrasingContent[] = [node];
          let inner: PhrasingContent = node;
          while ("children" in inner && inner.children.length === 1 && ["emphasis", "strong", "delete"].includes(inner.children[0]?.type ?? "")) {
            inner = inner.children[0] as PhrasingContent;
            chain.push(inner);
          }
          for (const type of chain.map((n) => n.type).sort()) {
            this.push("formatting", { key: `${type}: ${plainText(node)}`, shown: `${type} “${clip(plainText(node), 60)}”`, line });
          }
          pieces.push(...this.inline("children" in inner ? (inner.children as PhrasingContent[]) : [], line));
          break;
        }
        case "link":
          this.push("link", { key: `${target(node.url)}\t${node.title ?? ""}`, shown: `[${clip(plainText(node), 40)}](${node.url}${titled(node.title)})`, line });
          pieces.push(...this.inline(node.children, line));
          break;
        case "linkReference": {
          const def = this.definitions.get(node.identifier);
          this.push("link", {
            key: `${target(def?.url)}\t${def?.title ?? ""}\treference ${node.identifier}`,
            shown: `[${clip(plainText(node), 40)}][${node.label ?? node.identifier}] → ${def?.url ?? "?"}`,
            line,
          });
          pieces.push(...this.inline(node.children, line));
          break;
        }
        case "image":
          this.push("image", { key: `${target(node.url)}\t${node.title ?? ""}\t${node.alt ?? ""}`, shown: `![${clip(node.alt ?? "", 40)}](${node.url}${titled(node.title)})`, line });
          pieces.push({ text: " ", line });
          break;
        case "imageReference": {
          const def = this.definitions.get(node.identifier);
          this.push("image", {
            key: `${target(def?.url)}\t${def?.title ?? ""}\t${node.alt ?? ""}\treference ${node.identifier}`,
            shown: `![${clip(node.alt ?? "", 40)}][${node.label ?? node.identifier}] → ${def?.url ?? "?"}`,
            line,
          });
          pieces.push({ text: " ", line });
          break;
        }
        case "footnoteReference":
          this.push("footnote", { key: `reference ${node.identifier}`, shown: `[^${node.label ?? node.identifier}]`, line });
          pieces.push({ text: " ", line });
          break;
        case "html":
          this.push("html", { key: node.value, shown: clip(node.value), line });
          pieces.push({ text: " ", line });
          break;
        default:
          break;
      }
    }
    return pieces;
  }
}

/** Reads a parsed Markdown body construct by construct. Pure. */
export function readMarkdown(root: Root): Reading {
  const reader = new Reader(root);
  return { sequences: reader.sequences, words: reader.words, sections: reader.sections };
}
