import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareMarkdown, countByConstruct, type Construct } from "@/lib/markdown/compare";

function constructs(a: string, b: string): Construct[] {
  return compareMarkdown(a, b).map((d) => d.construct);
}

function only(a: string, b: string, construct: Construct) {
  const found = compareMarkdown(a, b).filter((d) => d.construct === construct);
  expect(found.length, `no ${construct} difference found`).toBeGreaterThan(0);
  return found;
}

function same(a: string, b: string): void {
  expect(compareMarkdown(a, b).map((d) => d.message)).toEqual([]);
}

describe("compareMarkdown: a file and itself", () => {
  it("finds nothing", () => {
    const doc = "---\ntitle: X\n---\n# X\n\nText [a][r] and ![i](i.png)[^1].\n\n[r]: https://r\n[^1]: Note.\n\n<!-- c -->\n";
    same(doc, doc);
  });
});

describe("headings", () => {
  it("finds a changed text and a changed level, and says where", () => {
    const [text] = only("# T\n\n## Goals\n\nBody\n", "# T\n\n## Goal\n\nBody\n", "heading");
    expect(text).toMatchObject({ change: "changed", expected: "## Goals", actual: "## Goal", source: { line: 3 }, other: { line: 3 } });
    const [level] = only("# T\n\n## Goals\n", "# T\n\n### Goals\n", "heading");
    expect(level?.message).toContain("## Goals → ### Goals");
  });

  it("finds an invented heading", () => {
    const [added] = only("Intro text.\n\n## A\n", "## Overview\n\nIntro text.\n\n## A\n", "heading");
    expect(added).toMatchObject({ change: "added", actual: "## Overview", source: null });
  });

  it("ignores setext against ATX and closing hashes", () => {
    same("Title\n=====\n\nSub\n---\n\n### Three ###\n", "# Title\n\n## Sub\n\n### Three\n");
  });
});

describe("tables", () => {
  const table = "| A | B |\n|:--|--:|\n| 1 | 2 |\n";
  it("finds a changed cell, naming row and column", () => {
    const [d] = only(table, "| A | B |\n|:--|--:|\n| 1 | 3 |\n", "table");
    expect(d?.message).toContain("row 2, column 2: 2 → row 2, column 2: 3");
  });

  it("finds a changed alignment", () => {
    const [d] = only(table, "| A | B |\n|---|--:|\n| 1 | 2 |\n", "table");
    expect(d?.message).toContain("alignment: left, right → alignment: none, right");
  });

  it("ignores padding and outer pipes", () => {
    same(table, "A   |   B\n:---- | ----:\n1 | 2\n");
  });

  it("reads a short row as one with empty cells at its end", () => {
    same("| A | B |\n|---|---|\n| 1 |\n", "| A | B |\n|---|---|\n| 1 |  |\n");
    only("| A | B |\n|---|---|\n| 1 |\n", "| A | B |\n|---|---|\n| 1 | x |\n", "table");
  });
});

describe("code and Mermaid fences", () => {
  it("finds a changed line, language or tab", () => {
    expect(only("```ts\nlet a = 1;\n```\n", "```ts\nlet a = 2;\n```\n", "code")[0]?.message).toContain("line 1: let a = 1; → line 1: let a = 2;");
    expect(only("```ts\nx\n```\n", "```js\nx\n```\n", "code")[0]?.message).toContain("language: ts → language: js");
    only("```\n\tx\n```\n", "```\n    x\n```\n", "code");
  });

  it("finds a changed diagram, apart from code", () => {
    const found = compareMarkdown("```mermaid\ngraph TD\nA-->B\n```\n", "```mermaid\ngraph TD\nA-->C\n```\n");
    expect(found.map((d) => d.construct)).toEqual(["mermaid"]);
  });

  it("finds a diagram turned into code", () => {
    expect(constructs("```mermaid\ngraph TD\n```\n", "```text\ngraph TD\n```\n").sort()).toEqual(["code", "mermaid"]);
  });

  it("ignores fence characters and indented against fenced code", () => {
    same("~~~mermaid\ngraph TD\n~~~\n\n    indented\n    code\n", "```mermaid\ngraph TD\n```\n\n```\nindented\ncode\n```\n");
  });
});

describe("task items", () => {
  it("finds a changed state and a lost nesting", () => {
    expect(only("- [ ] a\n- [x] b\n", "- [x] a\n- [x] b\n", "task")[0]?.message).toContain("[ ] a");
    only("- [ ] a\n  - [x] b\n", "- [ ] a\n- [x] b\n", "task");
  });

  it("finds a task item that became plain text", () => {
    only("- [x] done\n", "- \\[x] done\n", "task");
  });

  it("ignores the marker and the indentation", () => {
    same("- [ ] a\n  - [x] b\n", "* [ ] a\n    * [x] b\n");
  });
});

describe("lists and blocks", () => {
  it("finds a changed start number and a loose list made tight", () => {
    expect(only("3. a\n4. b\n", "1. a\n2. b\n", "list")[0]?.message).toContain("ordered list from 3");
    expect(only("- a\n\n- b\n", "- a\n- b\n", "list")[0]?.message).toContain("loose");
  });

  it("finds a lost block quote and a lost rule", () => {
    only("> quoted\n", "quoted\n", "block");
    only("a\n\n***\n\nb\n", "a\n\nb\n", "block");
  });

  it("ignores markers and delimiters", () => {
    same("- a\n- b\n\n1. x\n2. y\n\n***\n", "+ a\n+ b\n\n1) x\n1) y\n\n---\n");
  });
});

describe("front matter", () => {
  const fm = "---\n# who decides\ntitle: Cache\ncreated: 2024-01-02\nreviewers: [ann, bob]\n---\n# Cache\n";
  it("finds a key missing, a key added, a value rewritten and a comment lost", () => {
    const found = compareMarkdown(fm, "---\ntitle: Cache\ncreated: 2024-01-02T00:00:00.000Z\nreviewers: [ann, bob]\nstatus: draft\n---\n# Cache\n");
    const messages = found.filter((d) => d.construct === "frontMatter").map((d) => d.message);
    expect(messages).toContain('front matter key added: status: "draft"');
    expect(messages).toContain('front matter value of created changed: "2024-01-02" → "2024-01-02T00:00:00.000Z"');
    expect(messages.some((m) => m.includes("# who decides"))).toBe(true);
    const lost = compareMarkdown(fm, "# Cache\n").filter((d) => d.construct === "frontMatter");
    expect(lost.map((d) => d.change)).toEqual(["missing", "missing", "missing", "missing"]);
    expect(lost[1]).toMatchObject({ source: { line: 4 } });
  });

  it("finds a changed value in front matter that is not YAML, and keeps the text as it is", () => {
    const madr = "---\nstatus: {proposed | rejected\ndate: x\n---\n# T\n";
    const [d] = only(madr, "---\nstatus: {proposed | accepted\ndate: x\n---\n# T\n", "frontMatter");
    expect(d?.message).toContain("status: {proposed | rejected → status: {proposed | accepted");
    same(madr, madr.replace(/\n/g, "\r\n"));
    only(madr, "# T\n", "frontMatter");
  });

  it("ignores quoting, flow against block style and line endings", () => {
    same("---\ntitle: Cache\ntags: [a, b]\n---\n", "---\r\ntitle: 'Cache'\r\ntags:\r\n  - a\r\n  - \"b\"\r\n---\r\n");
  });
});

describe("text", () => {
  it("reports the first divergence with the words around it and where it is", () => {
    const a = "## Storage\n\nWe keep one copy of each blob in the primary region only.\n";
    const b = "## Storage\n\nWe keep one copy of each in the primary region only.\n";
    const [d] = only(a, b, "text");
    expect(d?.message).toContain("⟦blob⟧");
    expect(d?.message).toContain("1 words missing and 0 added");
    expect(d?.source).toEqual({ line: 3, section: "Storage" });
  });

  it("finds text lost from a reference link and a soft break made hard", () => {
    only("links to KEP dir in [kubernetes/enhancements]\n\n[kubernetes/enhancements]: https://x\n", "links to KEP dir in\n\n[kubernetes/enhancements]: https://x\n", "text");
    only("one\ntwo\n", "one\\\ntwo\n", "text");
  });

  it("finds an HTML comment turned into text", () => {
    expect(constructs("<!-- note -->\n", "&lt;!-- note --&gt;\n").sort()).toEqual(["html", "text"]);
  });

  it("ignores line wrapping, blank lines, escapes, entities and hard-break style", () => {
    same("A *b* c\\_d &amp; e\nf\n\n\n\ng  \nh\n", "A _b_ c_d & e f\n\ng\\\nh\n");
  });
});

describe("formatting", () => {
  it("finds bold lost", () => {
    only("a **b** c\n", "a b c\n", "formatting");
  });

  it("ignores the delimiter characters", () => {
    same("a **b** _c_ ~~d~~\n", "a __b__ *c* ~d~\n");
  });
});

describe("links, images and definitions", () => {
  it("finds a changed target, a reference made inline and a definition lost", () => {
    expect(only("[a](https://x)\n", "[a](https://y)\n", "link")[0]?.message).toContain("https://x");
    only("[a][r]\n\n[r]: https://x\n", "[a](https://x)\n\n[r]: https://x\n", "link");
    const [def] = only("[a][r]\n\n[r]: https://x \"T\"\n", "[a][r]\n\n[r]: https://x\n", "definition");
    expect(def?.expected).toBe('[r]: https://x "T"');
  });

  it("places a bare URL on its line", () => {
    const [d] = only("Intro.\n\nSee https://a.example now.\n", "Intro.\n\nSee now.\n", "link");
    expect(d?.source?.line).toBe(3);
  });

  it("finds an unsafe target made inert", () => {
    only("[x](javascript:alert(1))\n", "x\n", "link");
  });

  it("finds an image turned into a link, and a changed alt text", () => {
    expect(constructs("![diagram](d.png)\n", "[diagram](d.png)\n").sort()).toEqual(["image", "link", "text"]);
    only("![a](d.png)\n", "![b](d.png)\n", "image");
    only("![a][d]\n\n[d]: d.png\n", "![a](d.png)\n\n[d]: d.png\n", "image");
  });

  it("ignores how a target is encoded", () => {
    same("[a](<docs/my file.md>)\n\n![i](<a b.png>)\n", "[a](docs/my%20file.md)\n\n![i](a%20b.png)\n");
  });

  it("ignores collapsed against shortcut references and autolink style", () => {
    same("[a][]\n\n<https://x.org>\n\n[a]: https://a\n", "[a]\n\n[https://x.org](https://x.org)\n\n[a]: https://a\n");
  });
});

describe("footnotes", () => {
  it("finds a lost reference and a changed definition", () => {
    only("Text[^1].\n\n[^1]: Note.\n", "Text.\n\n[^1]: Note.\n", "footnote");
    const found = only("Text[^1].\n\n[^1]: Note.\n", "Text[^1].\n\n[^1]: Other.\n", "footnote");
    expect(found[0]?.message).toContain("Note.");
  });

  it("ignores how the definition is indented", () => {
    same("Text[^n].\n\n[^n]:\n    Long note.\n", "Text[^n].\n\n[^n]: Long note.\n");
  });
});

describe("raw HTML and comments", () => {
  it("finds a changed comment and lost inline HTML, verbatim", () => {
    const [d] = only("<!-- a  b -->\n", "<!-- a b -->\n", "html");
    expect(d).toMatchObject({ expected: "<!-- a  b -->", actual: "<!-- a b -->" });
    expect(only("H<sub>2</sub>O\n", "H2O\n", "html").map((x) => x.expected)).toEqual(["<sub>", "</sub>"]);
    only("<details>\n<summary>More</summary>\n\nx\n\n</details>\n", "More\n\nx\n", "html");
  });
});

describe("countByConstruct", () => {
  it("counts differences by construct", () => {
    const found = compareMarkdown("# A\n\n## B\n\n[x](y)\n", "# A2\n\n## B2\n");
    expect(countByConstruct(found)).toEqual({ heading: 2, link: 1, text: 1 });
  });
});

describe("hostile input", () => {
  const piece = fc.constantFrom("---\n", "# ", "Title\n===\n", "- [ ] ", "  - [x] ", "1. ", "> ", "```mermaid\n", "~~~\n", "    code\n", "| a | b |\n|:-|-:|\n", "[x][r]", "[r]: <u v> 't'\n", "![a](b)", "[^1]", "[^1]: n\n", "<!-- c", "-->", "<details>\n", "<br>", "&amp;", "\\*", "\r\n", "\n\n", "\t", "status: {a | b}\n", "key: [1, 2\n", "\uFEFF", "word ");
  const markdown = fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }).map((parts) => parts.join(""));

  it("never throws and finds nothing between a file and itself", () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(compareMarkdown(text, text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on two unrelated files, and each difference names its place", () => {
    fc.assert(
      fc.property(markdown, markdown, (a, b) => {
        for (const d of compareMarkdown(a, b)) {
          expect(d.source ?? d.other).not.toBeNull();
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
