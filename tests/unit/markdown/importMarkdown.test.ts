import { describe, expect, it } from "vitest";
import { docToText, walk, type PMNode } from "@/lib/editor/schema";
import { importMarkdown } from "@/lib/markdown/importMarkdown";

const outline = (md: string) => importMarkdown(md).sections.map((s) => [s.depth, s.title]);

function nodeTypes(node: PMNode): string[] {
  const types: string[] = [];
  walk(node, (n) => types.push(n.type));
  return types;
}

describe("importMarkdown", () => {
  it("reads YAML front matter and takes the first H1 as the title", () => {
    const result = importMarkdown(["---", "title: From front matter", "status: draft", "authors: [Ada, Grace]", "---", "# Payments ledger", "", "## Goals", "Be fast."].join("\n"));
    expect(result.frontMatter).toEqual({ title: "From front matter", status: "draft", authors: ["Ada", "Grace"] });
    expect(result.title).toBe("Payments ledger");
    expect(result.sections.map((s) => [s.title, docToText(s.body)])).toEqual([["Goals", "Be fast."]]);
  });

  it("falls back to the front matter's title, then to null, when there is no H1", () => {
    expect(importMarkdown("---\ntitle: Ledger\n---\n## Goals\n").title).toBe("Ledger");
    expect(importMarkdown("## Goals\n").title).toBeNull();
    expect(importMarkdown("## Goals\n").frontMatter).toEqual({});
  });

  it("starts a section at every H2 and deeper heading, with depth = level − 1", () => {
    const md = ["# Title", "## One", "### One.one", "#### One.one.one", "## Two", "###### Deepest"].join("\n\n");
    expect(outline(md)).toEqual([
      [1, "One"],
      [2, "One.one"],
      [3, "One.one.one"],
      [1, "Two"],
      [5, "Deepest"],
    ]);
  });

  it("uses the heading's text as the section title, without its formatting", () => {
    expect(outline("## 📋 **Document Control**\n\n##### `POST /api/v1/resource`\n")).toEqual([
      [1, "📋 Document Control"],
      [4, "POST /api/v1/resource"],
    ]);
  });

  it("treats a later H1 as a top-level section that keeps its level", () => {
    expect(importMarkdown("# Title\n\n## Intro\n\n# Appendix\n").sections.map((s) => [s.depth, s.level, s.title])).toEqual([
      [1, 2, "Intro"],
      [1, 1, "Appendix"],
    ]);
  });

  it("keeps text before the first heading as an untitled preamble, inventing no heading", () => {
    const result = importMarkdown("# Title\n\nWhy this exists.\n\n## Goals\n");
    expect(result.sections.map((s) => [s.title, s.level, s.heading])).toEqual([
      ["", null, ""],
      ["Goals", 2, "## Goals"],
    ]);
    expect(docToText(result.sections[0]!.body)).toBe("Why this exists.");
    expect(outline("# Title\n\n## Goals\n")).toEqual([[1, "Goals"]]);
    expect(importMarkdown("# Title\n").sections).toEqual([]);
  });

  it("takes the first H1 as the title once, wherever it stands", () => {
    const result = importMarkdown("Intro.\n\n# The *Title*\n\nAfter.\n\n## A\n");
    expect(result.title).toBe("The Title");
    expect(result.titleHeading).toBe("# The *Title*");
    expect(result.titleAt).toBe(1);
    expect(result.sections.map((s) => docToText(s.body))).toEqual(["Intro.", "After.", ""]);
    expect(result.sections.flatMap((s) => nodeTypes(s.body))).not.toContain("heading");
  });

  it("keeps skipped heading levels and each heading as written", () => {
    const result = importMarkdown("## A\n\n#### Skipped to four\n\nSetext\n------\n\n### Closed ###\n");
    expect(result.sections.map((s) => [s.depth, s.level, s.heading])).toEqual([
      [1, 2, "## A"],
      [3, 4, "#### Skipped to four"],
      [1, 2, "Setext\n------"],
      [2, 3, "### Closed ###"],
    ]);
    expect(result.sections[1]!.headingNode).toMatchObject({ type: "heading", attrs: { level: 4 } });
  });

  it("does not take # lines inside code fences for headings", () => {
    const md = ["# Title", "## Build", "```dockerfile", "# Multi-stage build", "## not a section", "FROM node:20", "```", "~~~", "# also code", "~~~"].join("\n");
    const { title, sections } = importMarkdown(md);
    expect(title).toBe("Title");
    expect(sections.map((s) => s.title)).toEqual(["Build"]);
    expect(sections[0]?.body.content.map((n) => n.type)).toEqual(["codeBlock", "codeBlock"]);
    expect(docToText(sections[0]!.body)).toContain("## not a section");
  });

  it("converts each section's content to rich text: tables, task lists, Mermaid, placeholders", () => {
    const md = ["## Plan", "| A | B |", "|---|---|", "| 1 | 2 |", "", "- [ ] [Task]", "- [x] done", "", "```mermaid", "flowchart LR", "```"].join("\n");
    const types = nodeTypes(importMarkdown(md).sections[0]!.body);
    expect(types).toEqual(expect.arrayContaining(["table", "tableHeader", "taskList", "taskItem", "mermaid", "placeholder"]));
  });

  it("keeps list indentation when a section starts with an indented list", () => {
    const body = importMarkdown("## Steps\n  - outer\n    - inner\n").sections[0]!.body;
    expect(nodeTypes(body).filter((t) => t === "bulletList")).toHaveLength(2);
  });

  it("reports raw HTML and comments in dropped, keeping them as text", () => {
    const result = importMarkdown("## Notes\n\n<div class=\"x\">hello</div>\n\nSee <b>this</b>.\n\n<!-- reviewer note -->\n");
    expect(result.dropped).toEqual(['<div class="x">hello</div>', "<b>", "</b>", "<!-- reviewer note -->"]);
    expect(docToText(result.sections[0]!.body)).toContain("<!-- reviewer note -->");
  });

  it("keeps comments before the first heading in the preamble, so they come back where they were", () => {
    const result = importMarkdown("# Technical Design\n\n<!-- Phase 0: Project Basics -->\n## Overview\nSummary.\n");
    expect(result.sections.map((s) => s.title)).toEqual(["", "Overview"]);
    expect(docToText(result.sections[0]!.body)).toContain("<!-- Phase 0: Project Basics -->");
  });

  it("never loses a link or footnote definition without a word", () => {
    const result = importMarkdown("## Refs\n\nSee the spec[^1].\n\n[spec]: https://example.com\n\n[^1]: The footnote.\n");
    const types = nodeTypes(result.sections[0]!.body);
    expect(types.includes("definition") || result.dropped.includes("[spec]: https://example.com")).toBe(true);
    expect(types.includes("footnoteDefinition") || result.dropped.includes("[^1]: The footnote.")).toBe(true);
  });

  it("keeps front matter byte for byte and reads values as written", () => {
    const block = "---\n# who decides\ntitle: Ledger  # short\ncreated: 2020-01-01\nversion: 1.10\ndiscussions-to: https://x.test/1\n---\n";
    const result = importMarkdown(`${block}\n## Goals\n`);
    expect(result.frontMatterBlock).toEqual({ open: "---\n", source: block.slice(4, -4), close: "---\n" });
    expect(result.frontMatter).toEqual({ title: "Ledger", created: "2020-01-01", version: "1.10", "discussions-to": "https://x.test/1" });
    expect(Object.keys(result.frontMatter)).toEqual(["title", "created", "version", "discussions-to"]);
    expect(result.frontMatterGap).toBe("\n");
    expect(result.frontMatterError).toBeNull();
  });

  it("keeps front matter that is not a YAML mapping verbatim, with the reason, instead of refusing", () => {
    for (const source of ["title: [unclosed\n", "status: {proposed | rejected | superseded by [ADR-0005](0005.md)\n", "- just\n- a list\n"]) {
      const result = importMarkdown(`---\n${source}---\n# T\n`);
      expect(result.frontMatterBlock?.source).toBe(source);
      expect(result.frontMatterError).toEqual(expect.any(String));
      expect(result.frontMatter).toEqual({});
      expect(result.title).toBe("T");
    }
  });

  it("notes whether the file ends with a line break", () => {
    expect(importMarkdown("## A\n\nText").finalNewline).toBe(false);
    expect(importMarkdown("## A\n\nText\n").finalNewline).toBe(true);
  });

  it("reads a leading rule without a closing --- as Markdown, not front matter", () => {
    const result = importMarkdown("---\n\n# Title\n\n## Goals\n");
    expect(result.frontMatter).toEqual({});
    expect(result.title).toBe("Title");
  });

  it("reports mojibake without repairing it", () => {
    const garbled = "# Design\n\n## üìã Document Control\n\nArrows ‚Üí here.\n";
    const result = importMarkdown(garbled);
    expect(result.mojibake).toMatchObject({ encoding: "macroman" });
    expect(result.sections[0]?.title).toBe("üìã Document Control");
    expect(importMarkdown("# Café ✅\n").mojibake).toBeNull();
  });
});
