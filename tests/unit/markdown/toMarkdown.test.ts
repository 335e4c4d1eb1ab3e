import { describe, expect, it } from "vitest";
import type { PMDoc, PMMark, PMNode } from "@/lib/editor/schema";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { docToMarkdown } from "@/lib/markdown/toMarkdown";

const doc = (...content: PMNode[]): PMDoc => ({ type: "doc", content });
const text = (value: string, ...marks: PMMark[]): PMNode => (marks.length ? { type: "text", text: value, marks } : { type: "text", text: value });
const p = (...content: PMNode[]): PMNode => ({ type: "paragraph", content });
const item = (...content: PMNode[]): PMNode => ({ type: "listItem", content });
const task = (checked: boolean, label: string): PMNode => ({ type: "taskItem", attrs: { checked }, content: [p(text(label))] });
const placeholder = (label: string): PMNode => ({ type: "placeholder", attrs: { label } });
const cell = (type: "tableHeader" | "tableCell", ...content: PMNode[]): PMNode => ({ type, content: [p(...content)] });
const row = (...cells: PMNode[]): PMNode => ({ type: "tableRow", content: cells });
const link = (href: string): PMMark => ({ type: "link", attrs: { href } });

describe("docToMarkdown", () => {
  it("writes headings at their level", () => {
    const md = docToMarkdown(doc(...[1, 2, 3, 6].map((level) => ({ type: "heading" as const, attrs: { level }, content: [text(`Level ${level}`)] }))));
    expect(md).toBe("# Level 1\n\n## Level 2\n\n### Level 3\n\n###### Level 6\n");
  });

  it("writes bold, italic, strike, inline code and links, nesting shared marks once", () => {
    const md = docToMarkdown(
      doc(
        p(
          text("bold", { type: "bold" }),
          text(" "),
          text("italic", { type: "italic" }),
          text(" "),
          text("gone", { type: "strike" }),
          text(" "),
          text("npm test", { type: "code" }),
          text(" "),
          text("site", link("https://example.com")),
        ),
        p(text("all ", { type: "bold" }), text("of it", { type: "bold" }, { type: "italic" })),
      ),
    );
    expect(md).toBe("**bold** *italic* ~~gone~~ `npm test` [site](https://example.com)\n\n**all _of it_**\n");
  });

  it("drops unsafe link targets and keeps their text", () => {
    for (const href of ["javascript:alert(1)", "data:text/html,<script>x</script>", "//evil.example"]) {
      const md = docToMarkdown(doc(p(text("click me", link(href)))));
      expect(md).toBe("click me\n");
      expect(md).not.toContain(href);
    }
  });

  it("writes bullet, ordered and nested lists", () => {
    const nested: PMNode = { type: "bulletList", content: [item(p(text("inner")))] };
    const md = docToMarkdown(
      doc(
        { type: "bulletList", content: [item(p(text("one")), nested), item(p(text("two")))] },
        { type: "orderedList", attrs: { start: 3 }, content: [item(p(text("three"))), item(p(text("four")))] },
      ),
    );
    expect(md).toBe("- one\n  - inner\n- two\n\n3. three\n4. four\n");
  });

  it("writes task lists as - [ ] and - [x]", () => {
    expect(docToMarkdown(doc({ type: "taskList", content: [task(false, "write tests"), task(true, "ship")] }))).toBe("- [ ] write tests\n- [x] ship\n");
  });

  it("writes tables with the first row as the header and pipes escaped", () => {
    const table: PMNode = {
      type: "table",
      content: [
        row(cell("tableHeader", text("Option")), cell("tableHeader", text("a | b"))),
        row(cell("tableCell", text("x|y", { type: "code" })), cell("tableCell", text("line"), { type: "hardBreak" }, text("break"))),
        row(cell("tableCell", text("short row"))),
      ],
    };
    expect(docToMarkdown(doc(table))).toBe("| Option | a \\| b |\n| - | - |\n| `x\\|y` | line break |\n| short row | |\n");
  });

  it("writes code blocks fenced with their language, and Mermaid nodes as mermaid fences", () => {
    const md = docToMarkdown(
      doc(
        { type: "codeBlock", attrs: { language: "ts" }, content: [text("const a = 1;\n# not a heading")] },
        { type: "codeBlock", attrs: { language: null }, content: [text("```\nnested fence\n```")] },
        { type: "mermaid", attrs: { source: "flowchart LR\n  a --> b" } },
      ),
    );
    expect(md).toBe("```ts\nconst a = 1;\n# not a heading\n```\n\n````\n```\nnested fence\n```\n````\n\n```mermaid\nflowchart LR\n  a --> b\n```\n");
  });

  it("writes blockquotes, rules and hard breaks", () => {
    const md = docToMarkdown(doc({ type: "blockquote", content: [p(text("quoted"))] }, { type: "horizontalRule" }, p(text("first"), { type: "hardBreak" }, text("second"))));
    expect(md).toBe("> quoted\n\n***\n\nfirst\\\nsecond\n");
  });

  it("writes placeholders as their label, escaping only where they would become a link", () => {
    expect(docToMarkdown(doc(p(text("Project: "), placeholder("[Project Name]"), text(" for "), placeholder("{feature}"))))).toBe(
      "Project: [Project Name] for {feature}\n",
    );
    const beforeParen = docToMarkdown(doc(p(placeholder("[Owner]"), text("(team)"))));
    expect(beforeParen).toBe("\\[Owner]\\(team)\n");
    expect(markdownToDoc(beforeParen).doc).toEqual(doc(p(placeholder("[Owner]"), text("(team)"))));
    expect(docToMarkdown(doc(p(placeholder("[Term]"), text(": meaning"))))).toBe("\\[Term]: meaning\n");
  });

  it("escapes Markdown syntax in plain text so it reads back as text", () => {
    const original = doc(p(text("a *literal* star, a # hash, [brackets] and <b>tags</b>")));
    const md = docToMarkdown(original);
    expect(markdownToDoc(md).doc.content[0]?.content?.map((n) => n.text ?? n.attrs?.label).join("")).toBe("a *literal* star, a # hash, [brackets] and <b>tags</b>");
  });

  it("writes a reference to a definition held elsewhere in the file as a reference, when told of it", () => {
    const section = doc(p(text("See "), text("the RFC", { type: "link", attrs: { href: "https://example.com/rfc", reference: "RFC 1", referenceType: "full" } }), text(" and [RFC 1] too.")));
    // alone, the link is written inline; knowing the file defines [RFC 1], it stays a reference and the look-alike text is escaped
    expect(docToMarkdown(section)).toBe("See [the RFC](https://example.com/rfc) and [RFC 1] too.\n");
    expect(docToMarkdown(section, { definitions: ["rfc  1"] })).toBe("See [the RFC][RFC 1] and \\[RFC 1] too.\n");
  });

  it("writes an empty document as an empty string", () => {
    expect(docToMarkdown(doc({ type: "paragraph" }))).toBe("");
  });

  it("is deterministic and reads back to the same document", () => {
    const source = [
      "# Title [Project Name]",
      "",
      "Some **bold *and italic*** text with `code` and a [link](https://example.com).",
      "",
      "- [ ] open task",
      "- [x] done task",
      "",
      "| Name | Value |",
      "| - | - |",
      "| [Field] | `a\\|b` |",
      "",
      "```mermaid",
      "sequenceDiagram",
      "  A->>B: hi",
      "```",
      "",
      "1. first",
      "2. second",
      "",
      "> a quote",
      "",
      "***",
    ].join("\n");
    const parsed = markdownToDoc(source).doc;
    const once = docToMarkdown(parsed);
    expect(docToMarkdown(structuredClone(parsed))).toBe(once);
    expect(markdownToDoc(once).doc).toEqual(parsed);
  });
});
