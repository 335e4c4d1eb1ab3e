// compareMarkdown on real design documents: the same document written in another Markdown
// style reads the same; a word or a heading level changed in it does not.
import type { Heading, Root, Text } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { describe, expect, it } from "vitest";
import { compareMarkdown } from "@/lib/markdown/compare";
import { parseMarkdown } from "@/lib/markdown/parse";
import { corpusFixtures } from "../../support/corpus";

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

// the smaller files keep this quick; every construct the comparison reads is among them
const fixtures = corpusFixtures().filter((f) => f.markdown.length < 25_000);

/** The file with its body written again in another style: `*` bullets, `~~~` fences, setext headings, `_` emphasis, `***` rules. */
function restyle(markdown: string, change?: (root: Root) => void): string {
  const match = FRONT_MATTER.exec(markdown);
  const frontMatter = match && match.index === 0 ? match[0] : "";
  const root = parseMarkdown(markdown.slice(frontMatter.length));
  change?.(root);
  const body = toMarkdown(root, {
    extensions: [gfmToMarkdown()],
    bullet: "*",
    bulletOther: "-",
    fence: "~",
    setext: true,
    emphasis: "_",
    strong: "_",
    rule: "*",
    listItemIndent: "one",
    resourceLink: true,
  });
  return frontMatter + body;
}

function first<T>(root: Root, test: (node: unknown) => node is T): T | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.shift();
    if (test(node)) return node;
    if (node && typeof node === "object" && "children" in node && Array.isArray(node.children)) stack.unshift(...(node.children as unknown[]));
  }
  return undefined;
}

const isWordyText = (node: unknown): node is Text =>
  typeof node === "object" && node !== null && (node as Text).type === "text" && /\p{L}{4,}/u.test((node as Text).value);
const isHeading = (node: unknown): node is Heading => typeof node === "object" && node !== null && (node as Heading).type === "heading";

describe("compareMarkdown on the design-document corpus", () => {
  it("has files to read", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(fixtures)("$name", ({ markdown }) => {
    it("finds nothing between the file and the same file in another style", { timeout: 30_000 }, () => {
      const restyled = restyle(markdown);
      expect(restyled).not.toBe(markdown);
      expect(compareMarkdown(markdown, restyled).map((d) => d.message)).toEqual([]);
    });

    it("finds a lost word and a changed heading level", { timeout: 30_000 }, () => {
      const changed = restyle(markdown, (root) => {
        const text = first(root, isWordyText);
        if (text) text.value = text.value.replace(/\p{L}{4,}/u, "");
        const heading = first(root, isHeading);
        if (heading) heading.depth = heading.depth === 6 ? 5 : ((heading.depth + 1) as Heading["depth"]);
      });
      const found = new Set(compareMarkdown(markdown, changed).map((d) => d.construct));
      expect(found).toContain("text");
      if (first(parseMarkdown(markdown), isHeading)) expect(found).toContain("heading");
    });
  });
});
