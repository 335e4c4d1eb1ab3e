import type { List, Nodes, Root } from "mdast";
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

// an "@", ":" or "." written escaped, or as a character reference: what a writer (this
// product's among them) escapes so that an address in plain text does not become a link
const ESCAPED_ADDRESS_CHAR = /\\[@:.]|&#0*(?:64|58|46);|&#x0*(?:40|3a|2e);|&(?:commat|colon|period);/i;
const KEPT = "escapedAtText";

/** Renames the text nodes whose source escapes an "@", ":" or "." (`kept`), or names them text again. */
function renameTexts(tree: Root, source: string, kept: boolean): void {
  const visit = (node: Nodes): void => {
    const named = node as { type: string };
    if (kept && node.type === "text" && node.position && ESCAPED_ADDRESS_CHAR.test(source.slice(node.position.start.offset, node.position.end.offset))) named.type = KEPT;
    else if (!kept && named.type === KEPT) named.type = "text";
    if ("children" in node) node.children.forEach(visit);
  };
  visit(tree);
}

/**
 * GFM links bare addresses after parsing, in the text as unescaped: "a\@b.co" or
 * "https\://x.org" would become a link although the writer escaped the "@" or ":" to say it
 * is none (and this product's own Markdown writes plain text that way). Text whose source
 * escapes one of them is hidden from that pass, and is text again after it.
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
  if (!ESCAPED_ADDRESS_CHAR.test(markdown)) return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const escaped = keepEscapedAddresses(markdown);
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [escaped.before, gfmFromMarkdown(), escaped.after] });
}

/**
 * Whether a list is loose (CommonMark 5.3): blank lines separate two of its items, or two
 * blocks of one item (mdast's `spread` of the item). The first is read from the items' lines:
 * mdast's own `list.spread` also counts the blank line after the last item when a quote
 * follows the list inside a quote (`> - a\n> - b\n>\n> > c`), and such a tight list would read
 * back loose. Without positions, mdast's flag.
 */
export function isLooseList(list: List): boolean {
  if (list.children.some((item) => item.spread === true)) return true;
  const lines = list.children.map((item) => item.position);
  if (lines.some((position) => position === undefined)) return list.spread === true;
  return lines.some((position, i) => i > 0 && position!.start.line > lines[i - 1]!.end.line + 1);
}
