import type { Nodes, Root } from "mdast";
import { fromMarkdown, type Extension } from "mdast-util-from-markdown";
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

// an "@" written escaped, or as a character reference
const ESCAPED_AT = /\\@|&#0*64;|&#x0*40;|&commat;/i;
const KEPT = "escapedAtText";

/** Renames the text nodes whose source escapes an "@" (`kept`), or names them text again. */
function renameTexts(tree: Root, source: string, kept: boolean): void {
  const visit = (node: Nodes): void => {
    const named = node as { type: string };
    if (kept && node.type === "text" && node.position && ESCAPED_AT.test(source.slice(node.position.start.offset, node.position.end.offset))) named.type = KEPT;
    else if (!kept && named.type === KEPT) named.type = "text";
    if ("children" in node) node.children.forEach(visit);
  };
  visit(tree);
}

/**
 * GFM links bare e-mail addresses after parsing, in the text as unescaped: "a\@b.co" would
 * become a link although the writer escaped the "@" to say it is none (and this product's
 * own Markdown writes "@" in plain text that way). Text whose source escapes an "@" is hidden
 * from that pass, and is text again after it.
 */
function keepEscapedAddresses(source: string): { before: Extension; after: Extension } {
  return {
    before: { transforms: [(tree) => renameTexts(tree, source, true)] },
    after: { transforms: [(tree) => renameTexts(tree, source, false)] },
  };
}

/**
 * Parses GitHub-flavoured Markdown into an mdast tree. A line that opens more than
 * MAX_QUOTE_DEPTH quotes throws NestedTooDeeply at once: such input would take the parser
 * seconds per line and then overflow the stack.
 */
export function parseMarkdown(markdown: string): Root {
  if (QUOTE_RUN.test(markdown)) throw new NestedTooDeeply();
  const escaped = keepEscapedAddresses(markdown);
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [escaped.before, gfmFromMarkdown(), escaped.after] });
}
