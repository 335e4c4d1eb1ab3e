import type { Nodes, RootContent } from "mdast";
import { parse as parseYaml } from "yaml";
import type { PMDoc } from "../editor/schema";
import { InvalidInput } from "../errors";
import { markdownToDoc } from "./fromMarkdown";
import { detectMojibake } from "./mojibake";
import { parseMarkdown } from "./parse";

export interface ImportedSection {
  title: string;
  /** 1 for an H2, 2 for an H3, … (an H1 after the title counts as 1) */
  depth: number;
  body: PMDoc;
}

export interface ImportedMarkdown {
  /** the first H1, else a `title` string in the front matter, else null */
  title: string | null;
  frontMatter: Record<string, unknown>;
  sections: ImportedSection[];
  /** raw HTML, comments and definitions that have no place in the editor (HTML is kept as text) */
  dropped: string[];
  /** garbled UTF-8 in the input, left as it is: the caller decides whether to repair */
  mojibake: ReturnType<typeof detectMojibake>;
}

/** `---` at the very top, YAML, then a line of `---` (or `...`). */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

function splitFrontMatter(markdown: string): { frontMatter: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match || match.index !== 0) return { frontMatter: {}, body: markdown.replace(/^\uFEFF/, "") };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "");
  } catch (error) {
    // yaml's message is one line of reason, then a code frame
    const reason = (error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)).replace(/:\s*$/, "");
    throw new InvalidInput(`The front matter is not valid YAML: ${reason}.`, { frontMatter: [reason] });
  }
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    throw new InvalidInput("The front matter must be a YAML mapping of keys to values.", { frontMatter: ["not a mapping"] });
  }
  return { frontMatter: (data ?? {}) as Record<string, unknown>, body: markdown.slice(match[0].length) };
}

/** The visible text of a heading; inline HTML in it is reported, not kept. */
function plainText(node: Nodes, dropped: string[]): string {
  if (node.type === "html") {
    dropped.push(node.value);
    return "";
  }
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "break") return " ";
  if ("children" in node) return node.children.map((child) => plainText(child, dropped)).join("");
  return "";
}

/** Where a top-level block's source starts: the beginning of its line, so indentation survives. */
function startOf(node: RootContent): number {
  const start = node.position?.start;
  return start?.offset !== undefined ? start.offset - (start.column - 1) : 0;
}

function isComment(node: RootContent): boolean {
  return node.type === "html" && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

/** The source of consecutive top-level blocks, from the start of the first one's line. */
function sourceOf(nodes: RootContent[], body: string): string {
  const first = nodes[0];
  const last = nodes.at(-1);
  return first && last ? body.slice(startOf(first), last.position?.end.offset ?? body.length) : "";
}

interface Draft {
  title: string;
  depth: number;
  nodes: RootContent[];
}

function toSection(draft: Draft, body: string, dropped: string[], notes: RootContent[] = []): ImportedSection {
  for (const node of draft.nodes) {
    if (node.type === "definition" || node.type === "footnoteDefinition") dropped.push(sourceOf([node], body).trim());
  }
  const source = [sourceOf(notes, body), sourceOf(draft.nodes, body)].filter(Boolean).join("\n\n");
  const converted = markdownToDoc(source);
  dropped.push(...converted.keptAsText);
  return { title: draft.title, depth: draft.depth, body: converted.doc };
}

/**
 * Splits a Markdown design document into a title and sections. Optional YAML front matter
 * between `---` lines at the top is parsed; the first H1 becomes the title; every H2+
 * heading (and any later H1) starts a section with depth = level − 1; content before the
 * first section becomes a leading "Overview" section when there is any (HTML comments alone
 * are not content: they go to the start of the first section). Headings are found
 * in the parsed tree, so `#` lines inside code fences stay code. Each section's Markdown is
 * converted with `markdownToDoc`; raw HTML is kept as text there and listed in `dropped`,
 * as are link and footnote definitions. Mojibake is detected, not repaired.
 * Pure; needs no permission. Throws InvalidInput when the front matter is not a YAML mapping.
 */
export function importMarkdown(markdown: string): ImportedMarkdown {
  const { frontMatter, body } = splitFrontMatter(markdown);
  const dropped: string[] = [];
  let title: string | null = null;
  const lead: Draft = { title: "Overview", depth: 1, nodes: [] };
  const drafts: Draft[] = [lead];
  for (const node of parseMarkdown(body).children) {
    if (node.type === "heading" && node.depth === 1 && title === null) {
      title = plainText(node, dropped).trim();
    } else if (node.type === "heading") {
      drafts.push({ title: plainText(node, dropped).trim() || "Untitled section", depth: Math.max(1, node.depth - 1), nodes: [] });
    } else {
      drafts.at(-1)?.nodes.push(node);
    }
  }
  const rest = drafts.slice(1);
  const sections: ImportedSection[] = [];
  // comments before the first heading (seed 002's phase markers) annotate it; they make no section
  const leadIsNotes = rest.length > 0 && lead.nodes.every(isComment);
  if (lead.nodes.length > 0 && !leadIsNotes) sections.push(toSection(lead, body, dropped));
  rest.forEach((draft, index) => sections.push(toSection(draft, body, dropped, index === 0 && leadIsNotes ? lead.nodes : [])));
  const fallbackTitle = typeof frontMatter.title === "string" && frontMatter.title.trim() ? frontMatter.title.trim() : null;
  return { title: title || fallbackTitle, frontMatter, sections, dropped, mojibake: detectMojibake(markdown) };
}
