import type { BlockContent, LinkReference, ListItem, PhrasingContent, Root, RootContent, Table, TableCell } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown, type Handle, type Info, type Options, type State } from "mdast-util-to-markdown";
import { docToText, type PMMark, type PMNode } from "../editor/schema";
import { safeHref } from "../util/safeUrl";

/**
 * A bracketed placeholder is, in Markdown terms, a shortcut reference without a definition,
 * so it travels as an mdast `linkReference` and is written back as `[Label]`, unescaped like
 * the template it came from. Nothing else here emits references, so this handler owns them.
 */
function placeholderNode(label: string): PhrasingContent {
  const inner = label.startsWith("[") && label.endsWith("]") ? label.slice(1, -1) : "";
  if (!inner) return { type: "text", value: label };
  return { type: "linkReference", referenceType: "shortcut", identifier: inner.toLowerCase(), label: inner, children: [{ type: "text", value: inner }] };
}

/** The opening bracket is escaped only where it would start a link (`[L](…)`, `[L][…]`) or a definition (`[L]:`). */
const placeholder: Handle = Object.assign(
  (node: LinkReference, _parent: unknown, state: State, info: Info): string => {
    const inner = state.safe(node.label ?? "", { before: "[", after: "]" });
    return `${/^[(:[]/.test(info.after) ? "\\" : ""}[${inner}]`;
  },
  { peek: () => "[" },
);

const OPTIONS: Options = {
  bullet: "-",
  emphasis: "*",
  strong: "*",
  fences: true,
  listItemIndent: "one",
  // unaligned pipes keep a one-cell edit a one-line diff
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  handlers: { linkReference: placeholder },
};

/** Marks that wrap phrasing, outermost first; `code` is a leaf (inline code) instead. */
const WRAP_ORDER = ["link", "bold", "italic", "strike"] as const;
type WrapMark = PMMark & { type: (typeof WRAP_ORDER)[number] };

function wrapMarks(marks: PMMark[] | undefined): WrapMark[] {
  return (marks ?? [])
    .filter((m): m is WrapMark => (WRAP_ORDER as readonly string[]).includes(m.type))
    .filter((m) => m.type !== "link" || safeHref(m.attrs?.href) !== null)
    .sort((a, b) => WRAP_ORDER.indexOf(a.type) - WRAP_ORDER.indexOf(b.type));
}

function markKey(mark: WrapMark): string {
  return mark.type === "link" ? `link:${safeHref(mark.attrs?.href) ?? ""}` : mark.type;
}

type PhrasingParent = { children: PhrasingContent[] };

function wrapper(mark: WrapMark): PhrasingContent & PhrasingParent {
  switch (mark.type) {
    case "link":
      // only the address travels: a stored title, class, rel or target is not written out
      return { type: "link", url: safeHref(mark.attrs?.href) ?? "", children: [] };
    case "bold":
      return { type: "strong", children: [] };
    case "italic":
      return { type: "emphasis", children: [] };
    case "strike":
      return { type: "delete", children: [] };
  }
}

/** One inline PM node as an mdast leaf; `inCell` flattens line breaks, which would end a table row. */
function leaf(node: PMNode, inCell: boolean): PhrasingContent | null {
  const isCode = node.marks?.some((m) => m.type === "code") ?? false;
  const flatten = (text: string) => (inCell ? text.replace(/\s*[\r\n]+\s*/g, " ") : text);
  switch (node.type) {
    case "text": {
      const value = flatten(node.text ?? "");
      if (!value) return null;
      return isCode ? { type: "inlineCode", value } : { type: "text", value };
    }
    case "hardBreak":
      return inCell ? { type: "text", value: " " } : { type: "break" };
    case "placeholder": {
      const value = flatten(String(node.attrs?.label ?? ""));
      if (!value) return null;
      return isCode ? { type: "inlineCode", value } : placeholderNode(value);
    }
    default:
      return null;
  }
}

/**
 * PM inline content (flat text runs with mark sets) as nested mdast phrasing. Marks are
 * nested in one fixed order and kept open across runs that share them, so `**a *b***`
 * stays one strong node.
 */
function phrasing(nodes: PMNode[], inCell = false): PhrasingContent[] {
  const root: PhrasingParent = { children: [] };
  const open: { key: string; node: PhrasingParent }[] = [];
  for (const node of nodes) {
    const content = leaf(node, inCell);
    if (!content) continue;
    const marks = wrapMarks(node.marks);
    let shared = 0;
    while (shared < open.length && shared < marks.length && open[shared]?.key === markKey(marks[shared]!)) shared++;
    open.length = shared;
    for (const mark of marks.slice(shared)) {
      const created = wrapper(mark);
      (open.at(-1)?.node ?? root).children.push(created);
      open.push({ key: markKey(mark), node: created });
    }
    (open.at(-1)?.node ?? root).children.push(content);
  }
  return root.children;
}

function textOf(node: PMNode): string {
  return (node.content ?? []).map((child) => child.text ?? "").join("");
}

function listItem(node: PMNode, checked: boolean | null): ListItem {
  const children = blocks(node.content ?? []);
  // a task item needs a paragraph to carry its `[ ]` marker
  if (checked !== null && children[0]?.type !== "paragraph") children.unshift({ type: "paragraph", children: [] });
  return { type: "listItem", spread: false, checked, children };
}

function tableCell(cell: PMNode): TableCell {
  const children: PhrasingContent[] = [];
  for (const block of cell.content ?? []) {
    const parts = block.type === "paragraph" || block.type === "heading" ? phrasing(block.content ?? [], true) : leafText(docToText(block));
    if (parts.length && children.length) children.push({ type: "text", value: " " });
    children.push(...parts);
  }
  return { type: "tableCell", children };
}

function leafText(text: string): PhrasingContent[] {
  const value = text.replace(/\s*[\r\n]+\s*/g, " ").trim();
  return value ? [{ type: "text", value }] : [];
}

/** First row is the header row; rows are padded so every row has as many cells as the widest. */
function table(node: PMNode): Table {
  const rows = (node.content ?? []).filter((row) => row.type === "tableRow").map((row) => (row.content ?? []).map(tableCell));
  const width = Math.max(1, ...rows.map((cells) => cells.length));
  return {
    type: "table",
    align: Array.from({ length: width }, () => null),
    children: rows.map((cells) => ({
      type: "tableRow",
      children: [...cells, ...Array.from({ length: width - cells.length }, (): TableCell => ({ type: "tableCell", children: [] }))],
    })),
  };
}

function block(node: PMNode): (RootContent & BlockContent)[] {
  switch (node.type) {
    case "paragraph": {
      const children = phrasing(node.content ?? []);
      return children.length ? [{ type: "paragraph", children }] : [];
    }
    case "heading":
      return [{ type: "heading", depth: clampLevel(Number(node.attrs?.level ?? 1)), children: phrasing(node.content ?? []) }];
    case "bulletList":
      return [{ type: "list", ordered: false, spread: false, children: (node.content ?? []).map((item) => listItem(item, null)) }];
    case "orderedList":
      return [{ type: "list", ordered: true, start: Number(node.attrs?.start ?? 1), spread: false, children: (node.content ?? []).map((item) => listItem(item, null)) }];
    case "taskList":
      return [{ type: "list", ordered: false, spread: false, children: (node.content ?? []).map((item) => listItem(item, item.attrs?.checked === true)) }];
    case "codeBlock":
      return [{ type: "code", lang: node.attrs?.language ? String(node.attrs.language) : null, value: textOf(node) }];
    case "mermaid":
      return [{ type: "code", lang: "mermaid", value: String(node.attrs?.source ?? "") }];
    case "blockquote":
      return [{ type: "blockquote", children: blocks(node.content ?? []) }];
    case "horizontalRule":
      return [{ type: "thematicBreak" }];
    case "table":
      return [table(node)];
    default:
      // a stray list item or row outside its container: keep its content rather than lose it
      return blocks(node.content ?? []);
  }
}

function blocks(nodes: PMNode[]): (RootContent & BlockContent)[] {
  return nodes.flatMap(block);
}

function clampLevel(level: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(1, Math.trunc(level) || 1)) as 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * Serialises a rich-text body (or a whole doc) as GitHub-flavoured Markdown: headings,
 * emphasis/strong/strike/inline code/links, bullet, ordered and task lists (`- [ ]`/`- [x]`),
 * tables (first row as the header, pipes escaped), fenced code with its language, Mermaid
 * nodes as ```mermaid fences, blockquotes, rules and hard breaks. Placeholders are written
 * as their label (`[Project Name]`); links with unsafe targets keep their text only.
 * Deterministic: the same JSON gives the same bytes. Pure; needs no permission, throws nothing.
 */
export function docToMarkdown(doc: PMNode): string {
  const root: Root = { type: "root", children: blocks(doc.type === "doc" ? (doc.content ?? []) : [doc]) };
  return toMarkdown(root, OPTIONS);
}
