import type { BlockContent, DefinitionContent, List, ListItem, PhrasingContent, Table, TableCell } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown, type Join, type Options, type Unsafe } from "mdast-util-to-markdown";
import { docToText, walk, type PMNode } from "../editor/schema";
import { safeDocumentHref } from "../editor/documentUrls";
import { isLooseList, parseMarkdown } from "./parse";
import { linkHandle, linkReferenceHandle, normalizeIdentifier, phrasing, textHandle, type PhrasingContext } from "./toMarkdownInline";

/** Consecutive link or footnote definitions are written on consecutive lines, as they usually are. */
const joinDefinitions: Join = (left, right) => (left.type === right.type && (left.type === "definition" || left.type === "footnoteDefinition") ? 0 : undefined);

/**
 * mdast-util-to-markdown escapes a character with a pattern that also takes the character
 * after it; where that is the one the next match needs before it, the same pattern misses the
 * next. A marker alone on its line takes the line ending the next line's marker needs: the
 * text `-`, `-` on two lines was written `\-` then `-`, a setext heading. An `@` takes the
 * next letter (`A@a@b.co_` was written `A\@a@b.co\_`, where GFM reads the address `a@b.co`).
 * These are the same patterns (mdast-util-to-markdown's, and mdast-util-gfm's for addresses),
 * looking at that character without taking it. Last, GFM reads `HTTPS://` as a scheme too,
 * whose `:` mdast-util-gfm escapes only after a lowercase `p` or `s`.
 */
const MORE_UNSAFE: Unsafe[] = [
  { atBreak: true, character: "-", after: "(?=[ \\t\\r\\n-])" },
  { atBreak: true, character: "+", after: "(?=[ \\t\\r\\n])" },
  { atBreak: true, character: "*", after: "(?=[ \\t\\r\\n*])" },
  { atBreak: true, before: "\\d+", character: ".", after: "(?=[ \\t\\r\\n]|$)" },
  { character: "@", before: "[+\\-.\\w]", after: "(?=[\\-.\\w])", inConstruct: "phrasing", notInConstruct: ["autolink", "link", "image", "label"] },
  { character: ".", before: "[Ww]", after: "(?=[\\-.\\w])", inConstruct: "phrasing", notInConstruct: ["autolink", "link", "image", "label"] },
  { character: ":", before: "[PS]", after: "\\/", inConstruct: "phrasing", notInConstruct: ["autolink", "link", "image", "label"] },
];

const OPTIONS: Options = {
  bullet: "-",
  // a list right after another is set apart by its bullet; "*" would read "* ***" as a rule
  bulletOther: "+",
  emphasis: "*",
  strong: "*",
  fences: true,
  listItemIndent: "one",
  // unaligned pipes keep a one-cell edit a one-line diff
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  unsafe: MORE_UNSAFE,
  handlers: { linkReference: linkReferenceHandle, link: linkHandle },
  join: [joinDefinitions],
};

const str = (value: unknown): string => (typeof value === "string" ? value : "");

function textOf(node: PMNode): string {
  return (node.content ?? []).map((child) => child.text ?? "").join("");
}

type Out = BlockContent | DefinitionContent;

/**
 * Whether Markdown may need a blank line between these two blocks of a tight list item
 * (mdast-util-to-markdown's rules then write one): raw HTML, quotes one after another, a
 * paragraph or definition after text, an ordered list not starting at 1, a rule. Headings are
 * written ATX and code fenced here, so neither needs one. Over-inclusive is fine: the list is
 * then written and read back to be sure.
 */
function mayNeedBlankLine(left: Out | ListItem["children"][number], right: Out | ListItem["children"][number]): boolean {
  if (left.type === "html" || right.type === "html" || right.type === "thematicBreak") return true;
  if (left.type === "blockquote" && right.type === "blockquote") return true;
  if (right.type === "paragraph" || right.type === "definition") return true;
  return right.type === "list" && ((right.ordered === true && typeof right.start === "number" && right.start !== 1) || right.children.some((item) => item.children.length === 0));
}

/**
 * Whether a list cannot start on a line that would continue a paragraph (CommonMark 5.2): its
 * first item is empty, or numbered from other than 1, or starts with such a list. Right after
 * a paragraph in a tight item it would be read as that paragraph's text (`- a` then `  -`, a
 * setext underline; `- a` then `  - 1.`, the text `1.`).
 */
function cannotInterruptParagraph(list: List): boolean {
  if (list.ordered === true && typeof list.start === "number" && list.start !== 1) return true;
  const lead = list.children[0]?.children[0];
  return lead === undefined || (lead.type === "list" && cannotInterruptParagraph(lead));
}

/** Whether a list item holds a paragraph, then a list that cannot follow it without a blank line. */
function needsBlankLine(item: ListItem): boolean {
  return item.children.some((block, i) => i > 0 && item.children[i - 1]!.type === "paragraph" && block.type === "list" && cannotInterruptParagraph(block));
}

/**
 * Whether a tight list item may read back loose: it holds a pair of blocks that may need a
 * blank line between them, or a footnote definition of several blocks (written with blank
 * lines between them, which mdast counts as the item's own).
 */
function mayReadBackLoose(item: ListItem): boolean {
  return item.children.some((block, i) => (i > 0 && mayNeedBlankLine(item.children[i - 1]!, block)) || (block.type === "footnoteDefinition" && block.children.length > 1));
}

/**
 * Raw HTML without the indentation of its first line (up to three spaces, not content). Kept,
 * it would read back otherwise where a list gives indentation a meaning: first in a list
 * item it widens the item's indentation (and is gone), right after a list it puts the block
 * into the list's last item (`-  a` then `  <div>` is a list, then HTML; written `- a` then
 * `  <div>`, the HTML is the item's).
 */
function outdented(block: Out): Out {
  return block.type === "html" ? { ...block, value: block.value.replace(/^[ \t]+(?=\S)/, "") } : block;
}

/** Writes the blocks of one document; `definitions` are the link definitions it holds. */
class Writer {
  constructor(private readonly definitions: ReadonlySet<string>) {}

  private inline(nodes: PMNode[] | undefined, inCell = false): PhrasingContent[] {
    const ctx: PhrasingContext = { inCell, definitions: this.definitions };
    return phrasing(nodes ?? [], ctx);
  }

  blocks(nodes: PMNode[]): Out[] {
    const out = nodes.flatMap((node) => this.block(node));
    return out.map((block, i) => (out[i - 1]?.type === "list" ? outdented(block) : block));
  }

  private listItem(node: PMNode, checked: boolean | null, spread: boolean): ListItem {
    const children = this.blocks(node.content ?? []);
    // a task item needs a paragraph to carry its `[ ]` marker
    if (checked !== null && children[0]?.type !== "paragraph") children.unshift({ type: "paragraph", children: [] });
    return { type: "listItem", spread, checked, children: children.map((block, i) => (i === 0 ? outdented(block) : block)) };
  }

  private tableCell(cell: PMNode): TableCell {
    const children: PhrasingContent[] = [];
    for (const block of cell.content ?? []) {
      const parts = block.type === "paragraph" || block.type === "heading" ? this.inline(block.content, true) : leafText(docToText(block));
      if (parts.length && children.length) children.push({ type: "text", value: " " });
      children.push(...parts);
    }
    return { type: "tableCell", children };
  }

  /** First row is the header row, whose cells' alignment is the columns'; rows are padded to the widest. */
  private table(node: PMNode): Table {
    const rows = (node.content ?? []).filter((row) => row.type === "tableRow");
    const cells = rows.map((row) => (row.content ?? []).map((cell) => this.tableCell(cell)));
    const width = Math.max(1, ...cells.map((row) => row.length));
    const header = rows[0]?.content ?? [];
    return {
      type: "table",
      align: Array.from({ length: width }, (_, i) => alignOf(header[i])),
      children: cells.map((row) => ({
        type: "tableRow",
        children: [...row, ...Array.from({ length: width - row.length }, (): TableCell => ({ type: "tableCell", children: [] }))],
      })),
    };
  }

  /**
   * A list as the document has it, tight or loose. A tight list whose items hold blocks that
   * Markdown must set apart with a blank line (a paragraph then raw HTML, say) would read back
   * loose, and be written loose the next time: such a list is written loose at once.
   */
  private list(node: PMNode): Out {
    const list = this.listAs(node, node.attrs?.spread === true);
    return list.spread || !this.readsBackLoose(list) ? list : this.listAs(node, true);
  }

  /** Whether a tight list, once written, reads back loose (only items `mayReadBackLoose` can), or cannot be written tight. */
  private readsBackLoose(list: List): boolean {
    if (list.children.some(needsBlankLine)) return true;
    if (!list.children.some(mayReadBackLoose)) return false;
    const back = parseMarkdown(this.write([list])).children[0];
    return back?.type === "list" && isLooseList(back);
  }

  /** The Markdown of these blocks, with this document's definitions. */
  write(children: Out[]): string {
    return toMarkdown({ type: "root", children }, { ...OPTIONS, handlers: { ...OPTIONS.handlers, text: textHandle(this.definitions) } });
  }

  private listAs(node: PMNode, spread: boolean): List {
    const items = node.content ?? [];
    if (node.type === "taskList") {
      const children = items.map((item) => this.listItem(item, item.attrs?.checked === true, spread));
      const start = node.attrs?.start;
      return typeof start === "number" ? { type: "list", ordered: true, start, spread, children } : { type: "list", ordered: false, spread, children };
    }
    const children = items.map((item) => this.listItem(item, typeof item.attrs?.checked === "boolean" ? item.attrs.checked : null, spread));
    if (node.type === "orderedList") return { type: "list", ordered: true, start: Number(node.attrs?.start ?? 1), spread, children };
    return { type: "list", ordered: false, spread, children };
  }

  private block(node: PMNode): Out[] {
    switch (node.type) {
      case "paragraph": {
        const children = this.inline(node.content);
        return children.length ? [{ type: "paragraph", children }] : [];
      }
      case "heading": {
        const depth = clampLevel(Number(node.attrs?.level ?? 1));
        // only levels 1 and 2 have a form (setext) that spans lines
        const content = depth > 2 ? (node.content ?? []).map((n) => (n.type === "text" ? { ...n, text: (n.text ?? "").replace(/\s*\n\s*/g, " ") } : n)) : node.content;
        return [{ type: "heading", depth, children: this.inline(content) }];
      }
      case "bulletList":
      case "orderedList":
      case "taskList":
        return [this.list(node)];
      case "codeBlock":
        return [{ type: "code", lang: node.attrs?.language ? String(node.attrs.language) : null, meta: str(node.attrs?.meta).trim() || null, value: textOf(node) }];
      case "mermaid":
        return [{ type: "code", lang: "mermaid", meta: str(node.attrs?.meta).trim() || null, value: str(node.attrs?.source) }];
      case "blockquote":
        return [{ type: "blockquote", children: this.blocks(node.content ?? []) }];
      case "horizontalRule":
        return [{ type: "thematicBreak" }];
      case "table":
        return [this.table(node)];
      case "htmlBlock": {
        const value = str(node.attrs?.html);
        return value ? [{ type: "html", value }] : [];
      }
      case "definition": {
        const label = str(node.attrs?.label) || str(node.attrs?.identifier);
        if (!label) return [];
        const url = safeDocumentHref(node.attrs?.url) ?? "";
        return [{ type: "definition", identifier: normalizeIdentifier(label), label, url, title: str(node.attrs?.title) || null }];
      }
      case "footnoteDefinition": {
        const label = str(node.attrs?.label) || str(node.attrs?.identifier);
        const children = this.blocks(node.content ?? []);
        if (!label) return children;
        return [{ type: "footnoteDefinition", identifier: normalizeIdentifier(label), label, children }];
      }
      default:
        // a stray list item or row outside its container, or an inline node: keep its content rather than lose it
        if (node.content === undefined && node.type !== "doc") {
          const children = this.inline([node]);
          return children.length ? [{ type: "paragraph", children }] : [];
        }
        return this.blocks(node.content ?? []);
    }
  }
}

function alignOf(cell: PMNode | undefined): "left" | "right" | "center" | null {
  const align = cell?.attrs?.align;
  return align === "left" || align === "right" || align === "center" ? align : null;
}

function leafText(text: string): PhrasingContent[] {
  const value = text.replace(/\s*[\r\n]+\s*/g, " ").trim();
  return value ? [{ type: "text", value }] : [];
}

function clampLevel(level: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(1, Math.trunc(level) || 1)) as 1 | 2 | 3 | 4 | 5 | 6;
}

export interface DocToMarkdownOptions {
  /** labels of link definitions held outside `doc`, in the same file */
  definitions?: Iterable<string>;
}

function definitionsIn(doc: PMNode): Set<string> {
  const out = new Set<string>();
  walk(doc, (node) => {
    if (node.type !== "definition") return;
    const label = str(node.attrs?.label) || str(node.attrs?.identifier);
    if (label) out.add(normalizeIdentifier(label));
  });
  return out;
}

/**
 * Serialises a rich-text body (or a whole doc) as GitHub-flavoured Markdown in our canonical
 * style (`-` bullets, `*` emphasis, fenced code, one-space list indent): headings,
 * emphasis/strong/strike/inline code, links (inline, reference while their definition is in
 * the document, `<…>` and bare autolinks as written), images, footnotes, link definitions,
 * bullet, ordered and task lists (loose or tight as stored), tables with their column
 * alignment, fenced code with its info string, Mermaid nodes as ```mermaid fences, raw HTML
 * verbatim, blockquotes, rules, soft (`\n` in text) and hard breaks. Placeholders are written
 * as their label (`[Project Name]`); links and images with unsafe targets keep their text only.
 * `options.definitions` names the link definitions the rest of the file holds (when `doc`
 * is one part of it, e.g. a section): references to them stay references, and text is escaped
 * as it must be in the whole file.
 * Deterministic: the same JSON gives the same bytes. Pure; needs no permission, throws nothing.
 */
export function docToMarkdown(doc: PMNode, options: DocToMarkdownOptions = {}): string {
  const definitions = definitionsIn(doc);
  for (const label of options.definitions ?? []) definitions.add(normalizeIdentifier(label));
  const writer = new Writer(definitions);
  return writer.write(writer.blocks(doc.type === "doc" ? (doc.content ?? []) : [doc]));
}
