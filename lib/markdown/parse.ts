import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/** Most block quotes one line may open; deeper input is refused before parsing. */
export const MAX_QUOTE_DEPTH = 500;

/** Thrown for input nested more deeply than any document needs (and than the parser's stack allows). */
export class NestedTooDeeply extends RangeError {
  constructor() {
    super(`Markdown nested more than ${MAX_QUOTE_DEPTH} quotes deep`);
  }
}

// "> > > …": a quote marker, optionally after up to three spaces, repeated
const QUOTE_RUN = new RegExp(`^(?: {0,3}>){${MAX_QUOTE_DEPTH + 1}}`, "m");

/**
 * Parses GitHub-flavoured Markdown into an mdast tree. A line that opens more than
 * MAX_QUOTE_DEPTH quotes throws NestedTooDeeply at once: such input would take the parser
 * seconds per line and then overflow the stack.
 */
export function parseMarkdown(markdown: string): Root {
  if (QUOTE_RUN.test(markdown)) throw new NestedTooDeeply();
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}
