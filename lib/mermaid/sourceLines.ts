/**
 * Mermaid parses a cleaned copy of a diagram's source: front matter, `%%{…}%%` directives,
 * `%%` comment lines and leading blank lines are removed first (mermaid's preprocessDiagram,
 * v11), so the line numbers its parser reports are lines of that copy. This repeats the same
 * removals while remembering where each character came from, to name the source line.
 */

// the expressions mermaid 11 uses (src/diagram-api/regexes.ts, comments.ts)
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;
const LEADING_SPACE = /^\s+/;

interface Traced {
  text: string;
  /** the 1-based source line of each character of `text` */
  origin: number[];
}

function without(traced: Traced, pattern: RegExp): Traced {
  const keep: number[] = [];
  let at = 0;
  for (const match of traced.text.matchAll(pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`))) {
    for (let i = at; i < match.index; i++) keep.push(i);
    at = match.index + match[0].length;
    if (!pattern.global) break;
  }
  for (let i = at; i < traced.text.length; i++) keep.push(i);
  return { text: keep.map((i) => traced.text[i]).join(""), origin: keep.map((i) => traced.origin[i]!) };
}

/**
 * The line of `source` (1-based) that Mermaid's parser calls `parsedLine`; a line past the
 * end (the parser reached the end of the text) is the last line that holds anything.
 */
export function sourceLine(source: string, parsedLine: number): number {
  const text = source.replace(/\r\n?/g, "\n");
  const origin: number[] = [];
  for (let i = 0, line = 1; i < text.length; i++) origin.push(text[i] === "\n" ? line++ : line);
  let traced: Traced = { text, origin };
  for (const pattern of [FRONT_MATTER, DIRECTIVE, COMMENT_LINE, LEADING_SPACE]) traced = without(traced, pattern);
  const lines = text.split("\n");
  const lastFilled = lines.reduce((last, content, i) => (content.trim() ? i + 1 : last), 1);
  let start = 0;
  for (let n = 1; n < parsedLine; n++) {
    const next = traced.text.indexOf("\n", start);
    if (next < 0) return lastFilled;
    start = next + 1;
  }
  const found = traced.origin[start];
  return found === undefined || !lines[found - 1]?.trim() ? Math.min(found ?? lastFilled, lastFilled) : found;
}
