import type { Nodes, RootContent } from "mdast";
import { walk, type PMDoc, type PMNode } from "../editor/schema";
import { collectDefinitions, mdastToDoc, type MdastToDocOptions } from "./fromMarkdown";
import { readFrontMatter, splitFrontMatter, type FrontMatterBlock } from "./frontMatter";
import { detectMojibake } from "./mojibake";
import { parseMarkdown } from "./parse";
import { canonicalJson } from "../util/hash";

export interface ImportedSection {
  /** the heading's text; "" for the preamble (the text before the first heading) */
  title: string;
  /** 1 for an H1 after the title or an H2, 2 for an H3, … (at most 5) */
  depth: number;
  /** the heading's level as written (1–6); null for the preamble, which has no heading */
  level: number | null;
  /** the heading exactly as the file writes it (ATX line or setext pair); "" for the preamble */
  heading: string;
  /** the heading as an editor node, for a caller that keeps it in the previous section's body */
  headingNode: PMNode | null;
  body: PMDoc;
  /**
   * The body's top-level blocks as the file wrote them, in order: each Markdown block's source,
   * how many editor blocks it became, and the text up to the next one (blank lines, trailing
   * spaces). An export writes an unchanged block as written. Empty when they cannot be told apart.
   */
  blocks: SourceBlock[];
}

export interface SourceBlock {
  source: string;
  count: number;
  /** what stood between this block and the next of the section ("" after the last) */
  gap: string;
}

export interface ImportedMarkdown {
  /** the first H1, else a `title` string in the front matter, else null */
  title: string | null;
  /** the first H1 as written, null when the file has none */
  titleHeading: string | null;
  /** how many sections (the preamble included) come before that H1 */
  titleAt: number;
  /** front matter values in key order, scalars as written; {} when there is none or it is not YAML */
  frontMatter: Record<string, unknown>;
  /** the front matter block byte for byte; null when the file has none */
  frontMatterBlock: FrontMatterBlock | null;
  /** why the front matter is not a YAML mapping (it is kept verbatim all the same); null when it is */
  frontMatterError: string | null;
  /** the blank lines between the front matter and the first block, as written */
  frontMatterGap: string;
  /** whether the file ends with a line break */
  finalNewline: boolean;
  sections: ImportedSection[];
  /** constructs the editor keeps in another form (kept as text), as the converter reports them */
  dropped: string[];
  /** garbled UTF-8 in the input, left as it is: the caller decides whether to repair */
  mojibake: ReturnType<typeof detectMojibake>;
}

/** The visible text of a heading (inline HTML in it counts as its source). */
function plainText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "html") return node.value;
  if (node.type === "break") return " ";
  if ("children" in node) return node.children.map(plainText).join("");
  return "";
}

/** Where a top-level block's source starts: the beginning of its line, so indentation survives. */
function startOf(node: RootContent): number {
  const start = node.position?.start;
  return start?.offset !== undefined ? start.offset - (start.column - 1) : 0;
}

function sourceOf(node: RootContent, body: string): string {
  return body.slice(startOf(node), node.position?.end.offset ?? body.length);
}

interface Draft {
  title: string;
  depth: number;
  level: number | null;
  heading: string;
  headingNode: RootContent | null;
  nodes: RootContent[];
}

function headingDraft(node: RootContent & { type: "heading" }, body: string): Draft {
  return { title: plainText(node).trim(), depth: Math.min(5, Math.max(1, node.depth - 1)), level: node.depth, heading: sourceOf(node, body), headingNode: node, nodes: [] };
}

const KEPT_AS = { definition: "definition", footnoteDefinition: "footnoteDefinition" } as const;

/** Definitions the converter did not keep as nodes of their own are reported, never lost without a word. */
function unkeptDefinitions(draft: Draft, body: PMDoc, source: string): string[] {
  const kept = new Set<string>();
  walk(body, (node) => kept.add(node.type));
  return draft.nodes.filter((n) => (n.type === "definition" || n.type === "footnoteDefinition") && !kept.has(KEPT_AS[n.type])).map((n) => sourceOf(n, source).trim());
}

/** Each top-level block's source and the editor blocks it gives, when converting them one by one gives the same body. */
function sourceBlocks(draft: Draft, body: PMDoc, source: string, options: MdastToDocOptions): SourceBlock[] {
  const parts = draft.nodes.map((node) => mdastToDoc([node], options).doc.content ?? []);
  if (canonicalJson(parts.flat()) !== canonicalJson(body.content ?? [])) return [];
  return draft.nodes.map((node, i) => {
    const next = draft.nodes[i + 1];
    const end = node.position?.end.offset ?? startOf(node);
    return { source: sourceOf(node, source), count: parts[i]?.length ?? 0, gap: next ? source.slice(end, startOf(next)) : "" };
  });
}

function toSection(draft: Draft, dropped: string[], source: string, options: MdastToDocOptions): ImportedSection {
  const converted = mdastToDoc(draft.nodes, options);
  dropped.push(...converted.keptAsText, ...unkeptDefinitions(draft, converted.doc, source));
  const headingNode = draft.headingNode ? (mdastToDoc([draft.headingNode], options).doc.content?.[0] ?? null) : null;
  const blocks = sourceBlocks(draft, converted.doc, source, options);
  return { title: draft.title, depth: draft.depth, level: draft.level, heading: draft.heading, headingNode, body: converted.doc, blocks };
}

/**
 * Splits a Markdown design document into a title and sections. The file is parsed once, so
 * reference links and footnotes resolve against definitions anywhere in it; each section
 * converts its own share of the blocks (`mdastToDoc`). Front matter between `---` lines at
 * the top is kept byte for byte and read without rewriting values; YAML that is not a mapping
 * is kept all the same, with the reason in `frontMatterError`. The first H1 becomes the title
 * (once: it is in no section). Text before the first heading is an untitled preamble section
 * (`title: ""`, `level: null`); every other heading — a later H1 too — starts a section at
 * depth level − 1 (at least 1, at most 5) and keeps its level and source for the export.
 * Headings are found in the parsed tree, so `#` lines inside code fences stay code. Mojibake
 * is detected, not repaired. Pure, plain data in and out; needs no permission; throws nothing
 * of its own.
 */
export function importMarkdown(markdown: string): ImportedMarkdown {
  const { block, rest } = splitFrontMatter(markdown);
  const { data, error } = block ? readFrontMatter(block.source) : { data: {}, error: null };
  const frontMatterGap = block ? (/^(?:[ \t]*\r?\n)*/.exec(rest)?.[0] ?? "") : "";
  const dropped: string[] = [];
  let title: string | null = null;
  let titleHeading: string | null = null;
  let titleIndex = 0;
  const drafts: Draft[] = [{ title: "", depth: 1, level: null, heading: "", headingNode: null, nodes: [] }];
  const root = parseMarkdown(rest);
  // one set of definitions for the whole file: a section's links resolve against another's
  const options: MdastToDocOptions = { source: rest, definitions: collectDefinitions([root]) };
  for (const node of root.children) {
    if (node.type === "heading" && node.depth === 1 && titleHeading === null) {
      title = plainText(node).trim();
      titleHeading = sourceOf(node, rest);
      titleIndex = drafts.length;
      // text after the title but before the next heading is its own untitled part
      drafts.push({ title: "", depth: 1, level: null, heading: "", headingNode: null, nodes: [] });
    } else if (node.type === "heading") {
      drafts.push(headingDraft(node, rest));
    } else {
      drafts.at(-1)?.nodes.push(node);
    }
  }
  const kept = (d: Draft) => d.level !== null || d.nodes.length > 0;
  const sections = drafts.filter(kept).map((d) => toSection(d, dropped, rest, options));
  const titleAt = drafts.slice(0, titleIndex).filter(kept).length;
  const fallbackTitle = typeof data.title === "string" && data.title.trim() ? data.title.trim() : null;
  return {
    title: title || fallbackTitle,
    titleHeading,
    titleAt,
    frontMatter: data,
    frontMatterBlock: block,
    frontMatterError: error,
    frontMatterGap,
    finalNewline: /\n$/.test(markdown),
    sections,
    dropped,
    mojibake: detectMojibake(markdown),
  };
}
