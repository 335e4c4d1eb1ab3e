import fc from "fast-check";
import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { parseMarkdown } from "@/lib/markdown/parse";
import { docToMarkdown } from "@/lib/markdown/toMarkdown";
import { safeDocumentHref } from "@/lib/editor/documentUrls";

const convert = (markdown: string) => docToMarkdown(markdownToDoc(markdown).doc);

/**
 * Whether a link target can run anything or leave for another host unnoticed: a scheme other
 * than http(s) and mailto (javascript:, data:, vbscript:, …, however disguised), or `//host`.
 */
function isExecutable(url: string): boolean {
  const bare = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
  return /^[\\/]{2}/.test(bare) || (scheme !== undefined && !["http", "https", "mailto"].includes(scheme));
}

const BLOCKS = new Set(["paragraph", "heading", "code", "tableCell", "listItem", "blockquote", "footnoteDefinition"]);

/**
 * The text a reader sees (and raw HTML, which is kept verbatim), in order; addresses are not
 * text. `source` is the Markdown `node` was read from.
 */
function textOf(node: Nodes, source: string, out: string[] = []): string[] {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "code" || node.type === "html") out.push(node.value);
  if (node.type === "image" || node.type === "imageReference") out.push(node.alt ?? "");
  if (node.type === "definition") {
    const written = source.slice(node.position?.start.offset, node.position?.end.offset).trim();
    // one with a usable target: its label and title are words its author wrote (its target is
    // an address); one without is shown as written, read as the paragraph it would be were its
    // first bracket escaped (so `'![alt](/a.png)'` in its title is an image there)
    if (safeDocumentHref(node.url) !== null || !written) out.push(` ${node.label ?? ""} ${node.title ?? ""} `);
    else textOf(parseMarkdown(`\\${written}`), `\\${written}`, out);
  }
  if ("children" in node) for (const child of node.children) textOf(child, source, out);
  if (BLOCKS.has(node.type)) out.push(" ");
  return out;
}

/**
 * The words of `expected` that `actual` lacks, reading both in order. Words are compared as
 * runs of letters and digits, so a bracket or space that now separates two of them (a dropped
 * link's text next to its neighbour) is no loss.
 */
function missingWords(expected: string[], actual: string[]): string[] {
  const stream = actual.join("");
  let at = 0;
  return expected.filter((word) => {
    const found = stream.indexOf(word, at);
    if (found < 0) return true;
    at = found + word.length;
    return false;
  });
}

const words = (markdown: string) => textOf(parseMarkdown(markdown), markdown).join("").match(/[\p{L}\p{N}]+/gu) ?? [];

/** Every link, image and definition target in Markdown, as a parser reads it. */
function targets(node: Nodes, out: string[] = []): string[] {
  if (node.type === "link" || node.type === "image" || node.type === "definition") out.push(node.url);
  if ("children" in node) for (const child of node.children) targets(child, out);
  return out;
}

// pieces that make Markdown constructs, and pieces that try to break them
const TOKENS = [
  "word", "Grace", "ünïcødé", "数据", "42", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\n\n",
  "# ", "## ", "Title\n===", "Sub\n---", "- ", "* ", "+ ", "1. ", "3) ", "  - ", "    ", "> ", "- [ ] ", "- [x] ", "  - [X] ",
  "*", "**", "_", "__", "~~", "`", "```", "~~~", "```mermaid\n---\ntitle: t\n---\nflowchart LR\n```", "\\", "\\*", "&amp;", "&copy;", "&#x20;", "&#123;",
  "[", "]", "(", ")", "[link](https://example.com)", "[t](https://example.com \"title\")", "[ref][a]", "[a][]", "[a]", "[Project Name]", "{feature}",
  "[a]: https://example.com/a", "[b]: <> \"t\"", "![alt](/img.png)", "![alt][a]", "![x](javascript:alert(1))",
  "[x](javascript:alert(1))", "[x](data:text/html,<script>)", "[x](vbscript:msgbox)", "[x](\\\\evil.example)", "[x](//evil.example)",
  "[j]: javascript:alert(1)", "[x][j]", "<javascript:alert(1)>", "<https://example.org/a_b>", "https://example.com/path", "www.example.com", "a@b.co",
  "[^1]", "[^1]: note", "[^note]: long\n    more", "<!-- comment -->", "<!--", "-->", "<br>", "<sub>", "</sub>", "<details>\n<summary>S</summary>\n\nx\n\n</details>",
  "<div>", "</div>", "<script>alert(1)</script>", "<a href=\"javascript:x\">", "| a | b |\n|:-|-:|\n| 1 | 2 |", "|", "---", "***", "___", ":", "!", "<", ">", "\"", "'",
];

const markdownish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((parts) => parts.join(""));
const anyText = fc.string({ unit: "binary", maxLength: 200 });
const mixed = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: "grapheme-ascii", maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(""));

/**
 * A link or image whose target is unusable is dropped and its text joins the text around it.
 * Where that text is (or forms, with its neighbours) a bare address, GFM links it on the next
 * read whatever the escaping, so such Markdown may settle only after a second pass: a known
 * limit, left out here. Bare addresses GFM reads with characters no browser accepts
 * (`www.a.b>`) are such links.
 */
function hasUnusableLinkAgainstText(source: string): boolean {
  const tree = parseMarkdown(source);
  // a reference (`[x][j]`) whose definition's target is unusable is such a link too: it stays as its text, brackets and label included
  const definitions = new Map<string, string>();
  const collect = (node: Nodes): void => {
    if (node.type === "definition" && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    if ("children" in node) node.children.forEach(collect);
  };
  collect(tree);
  const unusable = (node: Nodes) => {
    if (node.type === "link" || node.type === "image") return safeDocumentHref(node.url) === null;
    if (node.type !== "linkReference" && node.type !== "imageReference") return false;
    const url = definitions.get(node.identifier);
    return url !== undefined && safeDocumentHref(url) === null;
  };
  const touchesText = (siblings: Nodes[], i: number) => {
    const before = siblings[i - 1];
    const after = siblings[i + 1];
    const bare = siblings[i]?.type === "link" && (siblings[i] as { title?: string | null }).title == null;
    return bare || (before?.type === "text" && /\S$/.test(before.value)) || (after?.type === "text" && /^\S/.test(after.value));
  };
  const visit = (node: Nodes): boolean => "children" in node && node.children.some((child: Nodes, i: number, all: Nodes[]) => (unusable(child) && touchesText(all, i)) || visit(child));
  return visit(tree);
}

function checkRoundTrip(source: string): void {
  fc.pre(!hasUnusableLinkAgainstText(source));
  const once = convert(source);
  // a fixed point after one pass
  expect(convert(once)).toBe(once);
  // no word of the text is lost, and they stay in order (a definition without a usable
  // target comes back as visible text, so words may be added, never dropped)
  expect(missingWords(words(source), words(once))).toEqual([]);
  // no link, image or definition in the output leads anywhere unsafe
  for (const url of targets(parseMarkdown(once))) expect(isExecutable(url), `unsafe target ${url} in ${JSON.stringify(once)}`).toBe(false);
}

describe("Markdown → document → Markdown, on generated input", () => {
  it("is a fixed point after one pass, keeps every word and never writes an unsafe link (Markdown-ish input)", () => {
    // examples: inputs an earlier run found
    fc.assert(fc.property(markdownish, checkRoundTrip), { numRuns: 3000, examples: [["[j]: javascript:alert(1)\n[x][j]word"], ["word    \n&#x20;"], ["[j]: javascript:alert(1)- '![alt](/img.png)'"], ["[^1]: note\n\n&#x20;[^1]: note"], ["*[*0]***"], ["[j]: javascript:alert(1)a@b.co_[x](data:text/html,<script>)"], ["| a | b |\n|:-|-:|\n| 1 | 2 |<!--https://example.com/path<!-- comment -->"], ["# <!--  - [X] <!-- comment -->"], ["  - [X] <!--  - [X] <!-- comment -->"], ["+ ## [^note]: long\n    more\n<sub>\n\n"], ["> - \n> - \n> >\n"], ["+ \n    <!-- comment -->\n"], ["[a]: https://example.com/a\n    [^note]: long\n    more\n"]] });
  }, 120_000);

  it("holds for Markdown mixed with arbitrary characters", () => {
    fc.assert(fc.property(mixed, checkRoundTrip), { numRuns: 1500, examples: [["*[*0]***"], ["[j]: javascript:alert(1)a@b.co_[x](data:text/html,<script>)"], ["| a | b |\n|:-|-:|\n| 1 | 2 |<!--https://example.com/path<!-- comment -->"], ["> - \n> - \n> >\n"], ["  - =\n  <details>\n<summary>S</summary>\n\nx\n\n</details>\n"], ["+ \n    <!-- comment -->\n"], ["1.      =\n   [^note]: long\n    more\n        # \n"], ["&amp;\n> - \n&#45;\n"], ["[a]: https://example.com/a\n    [^note]: long\n    more\n"], ["* =\n    + 1. &#x20;\n"], ["A@a@b.co_\n"], ["<A\n    >\n"], ["- [ ] <!--\n=<!-- comment -->\n"]] });
  }, 120_000);

  it("never throws on arbitrary text, control characters and lone surrogates included", () => {
    fc.assert(
      fc.property(anyText, (source) => {
        expect(() => convert(convert(source))).not.toThrow();
      }),
      { numRuns: 1500 },
    );
  }, 120_000);
});
