import { diffArrays } from "diff";
import { splitFrontMatter, type FrontMatter } from "./compare/frontMatter";
import { readMarkdown, SEQUENCE_CONSTRUCTS, type Reading, type Word } from "./compare/reading";
import { compareSequences, difference, type Locate } from "./compare/sequence";
import type { Item, MarkdownDifference, Place } from "./compare/types";
import { parseMarkdown } from "./parse";

export type { Construct, MarkdownDifference, Place } from "./compare/types";

/** Line endings and a byte-order mark are how a file is stored, not what it says. */
function normalise(markdown: string): string {
  return markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

function locator(reading: Reading): Locate {
  return (line: number): Place => {
    const heading = reading.sections.findLast((s) => s.line <= line);
    return { line, section: heading?.title ?? null };
  };
}

function compareFrontMatter(a: FrontMatter, b: FrontMatter, locate: [Locate, Locate]): MarkdownDifference[] {
  if (a.kind === "none" && b.kind === "none") return [];
  if (a.kind === "yaml" && b.kind === "yaml") return compareYaml(a.entries, b.entries, a.comments, b.comments, locate);
  const asItem = (fm: FrontMatter): Item | null =>
    fm.kind === "none"
      ? null
      : fm.kind === "verbatim"
        ? { key: fm.raw, shown: fm.raw.trim(), line: fm.line, detail: fm.raw.split("\n") }
        : { key: "", shown: fm.entries.map((e) => e.shown).join("\n"), line: 1, detail: [] };
  // both verbatim: the same text is the same front matter
  if (a.kind === "verbatim" && b.kind === "verbatim" && a.raw === b.raw) return [];
  if (a.kind === "yaml" && b.kind === "none") return compareYaml(a.entries, [], a.comments, [], locate);
  if (a.kind === "none" && b.kind === "yaml") return compareYaml([], b.entries, [], b.comments, locate);
  const kinds = `${a.kind === "verbatim" ? "text that is not YAML" : a.kind === "yaml" ? "YAML" : "none"} → ${
    b.kind === "verbatim" ? "text that is not YAML" : b.kind === "yaml" ? "YAML" : "none"
  }`;
  const before = asItem(a);
  const after = asItem(b);
  const changed = before && after ? difference("frontMatter", before, after, locate) : null;
  return [difference("frontMatter", before, after, locate, `front matter changed (${kinds})${changed ? changed.message.replace(/^front matter changed/, "") : ""}`)];
}

function compareYaml(a: Item[], b: Item[], commentsA: Item[], commentsB: Item[], locate: [Locate, Locate]): MarkdownDifference[] {
  const out: MarkdownDifference[] = [];
  const inB = new Map(b.map((entry) => [entry.key, entry]));
  const inA = new Map(a.map((entry) => [entry.key, entry]));
  for (const change of diffArrays(
    a.map((e) => e.key),
    b.map((e) => e.key),
  )) {
    for (const key of change.value) {
      const left = inA.get(key);
      const right = inB.get(key);
      if (change.removed && left && !right) out.push(difference("frontMatter", left, null, locate, `front matter key missing: ${left.shown}`));
      if (change.added && right && !left) out.push(difference("frontMatter", null, right, locate, `front matter key added: ${right.shown}`));
      // a key in both, out of its place
      if (change.added && right && left) out.push(difference("frontMatter", left, right, locate, `front matter key moved: ${key}`));
    }
  }
  for (const left of a) {
    const right = inB.get(left.key);
    if (right && right.detail?.[0] !== left.detail?.[0]) {
      out.push(difference("frontMatter", left, right, locate, `front matter value of ${left.key} changed: ${left.detail?.[0] ?? ""} → ${right.detail?.[0] ?? ""}`));
    }
  }
  const comments = compareSequences("frontMatter", commentsA, commentsB, locate);
  return [...out, ...comments.map((d) => ({ ...d, message: d.message.replace(/^front matter/, "front matter comment") }))];
}

const CONTEXT = 6;

function around(words: Word[], at: number): string {
  const before = words.slice(Math.max(0, at - CONTEXT), at).map((w) => w.word);
  const here = words[at]?.word;
  const after = words.slice(at + 1, at + 1 + CONTEXT).map((w) => w.word);
  return [at > CONTEXT ? "…" : "", ...before, here === undefined ? "⟨end⟩" : `⟦${here}⟧`, ...after, at + 1 + CONTEXT < words.length ? "…" : ""]
    .filter(Boolean)
    .join(" ");
}

/** The first place the words stop matching, with a few words either side and, when cheap to know, how many differ. */
function compareWords(a: Word[], b: Word[], locate: [Locate, Locate]): MarkdownDifference[] {
  let at = 0;
  while (at < a.length && at < b.length && a[at]?.word === b[at]?.word) at++;
  if (at === a.length && at === b.length) return [];
  const changes = diffArrays(
    a.map((w) => w.word),
    b.map((w) => w.word),
    // counting is a courtesy: give up on it rather than hold up a large file
    { maxEditLength: 2000, timeout: 200 },
  );
  const missing = changes?.filter((c) => c.removed).reduce((n, c) => n + c.count, 0);
  const added = changes?.filter((c) => c.added).reduce((n, c) => n + c.count, 0);
  const counts = changes ? ` (${missing} words missing and ${added} added in all)` : " (many words differ)";
  const left = a[at];
  const right = b[at];
  const lastLine = (words: Word[]): number => words.at(-1)?.line ?? 1;
  return [
    {
      construct: "text",
      change: left && right ? "changed" : left ? "missing" : "added",
      source: locate[0](left?.line ?? lastLine(a)),
      other: locate[1](right?.line ?? lastLine(b)),
      expected: around(a, at),
      actual: around(b, at),
      message: `text differs from word ${at + 1}${counts}: “${around(a, at)}” → “${around(b, at)}”`,
    },
  ];
}

/**
 * The differences a reader would notice between a Markdown file and another (say, its export
 * after an import), construct by construct: front matter keys, values and comments (or its
 * text when it is not YAML); headings (text and level); tables (cells and alignment); code
 * and Mermaid fences (language, info and content); task items (state, text, nesting); lists
 * (kind, start, item count, loose or tight); block quotes and rules; emphasis, strong and
 * strikethrough; links and images (target, title, alt, reference label); link reference
 * definitions; footnote references and definitions; raw HTML and comments, verbatim; and the
 * first place where the words of the text stop matching. Style is ignored: list markers,
 * setext or ATX headings, fence characters, indented or fenced code, list indentation, blank
 * lines, line endings, escapes and entities that give the same text, how front-matter values
 * are quoted. Pure; an empty list means nothing a reader sees has changed.
 */
export function compareMarkdown(source: string, other: string): MarkdownDifference[] {
  const left = splitFrontMatter(normalise(source));
  const right = splitFrontMatter(normalise(other));
  const a = readMarkdown(parseMarkdown(left.body));
  const b = readMarkdown(parseMarkdown(right.body));
  const locate: [Locate, Locate] = [locator(a), locator(b)];
  return [
    ...compareFrontMatter(left.frontMatter, right.frontMatter, locate),
    ...SEQUENCE_CONSTRUCTS.flatMap((construct) => compareSequences(construct, a.sequences[construct], b.sequences[construct], locate)),
    ...compareWords(a.words, b.words, locate),
  ];
}

/** How many differences there are of each construct. */
export function countByConstruct(differences: MarkdownDifference[]): Partial<Record<MarkdownDifference["construct"], number>> {
  const counts: Partial<Record<MarkdownDifference["construct"], number>> = {};
  for (const d of differences) counts[d.construct] = (counts[d.construct] ?? 0) + 1;
  return counts;
}
