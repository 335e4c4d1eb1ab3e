import { parseDocument } from "yaml";
import type { Item } from "./types";

/** Front matter as a reader sees it: none, a YAML mapping (keys in order), or text that is not one. */
export type FrontMatter =
  | { kind: "none" }
  | { kind: "yaml"; entries: Item[]; comments: Item[] }
  | { kind: "verbatim"; raw: string; line: number };

/** `---` on the first line, anything, then a line of `---` or `...` (line endings already `\n`). */
const FENCE = /^---[ \t]*\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\n|$)/m;

function lineOfKey(raw: string, key: string): number {
  const lines = raw.split("\n");
  const index = lines.findIndex((line) => {
    const trimmed = line.replace(/^["']/, "");
    return trimmed.startsWith(key) && /^\s*:/.test(trimmed.slice(key.length).replace(/^["']/, ""));
  });
  // + 1 for the opening fence, + 1 to count from 1
  return index < 0 ? 1 : index + 2;
}

function show(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value);
}

/**
 * Splits the front matter off a file (line endings already `\n`). The body keeps one blank
 * line per front-matter line, so positions in it are positions in the file.
 */
export function splitFrontMatter(markdown: string): { frontMatter: FrontMatter; body: string } {
  const match = FENCE.exec(markdown);
  if (!match || match.index !== 0) return { frontMatter: { kind: "none" }, body: markdown };
  const raw = match[1] ?? "";
  const body = "\n".repeat(match[0].split("\n").length - 1) + markdown.slice(match[0].length);
  const doc = parseDocument(raw, { uniqueKeys: false });
  const data: unknown = doc.errors.length ? undefined : doc.toJS();
  if (data !== null && (typeof data !== "object" || Array.isArray(data))) {
    return { frontMatter: { kind: "verbatim", raw, line: 2 }, body };
  }
  const entries = Object.entries((data ?? {}) as Record<string, unknown>).map(([key, value]) => ({
    key,
    shown: `${key}: ${show(value)}`,
    line: lineOfKey(raw, key),
    detail: [show(value)],
  }));
  const comments = raw
    .split("\n")
    .map((line, index) => ({ line: line.trim(), at: index + 2 }))
    .filter(({ line }) => line.startsWith("#"))
    .map(({ line, at }) => ({ key: line, shown: line, line: at }));
  return { frontMatter: { kind: "yaml", entries, comments }, body };
}
