import { describe, expect, it } from "vitest";
import { docToText, walk, type PMNode } from "@/lib/editor/schema";
import { InvalidInput } from "@/lib/errors";
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

  it("treats a later H1 as a top-level section", () => {
    expect(importMarkdown("# Title\n\n## Intro\n\n# Appendix\n").sections.map((s) => [s.depth, s.title])).toEqual([
      [1, "Intro"],
      [1, "Appendix"],
    ]);
  });

  it("puts content before the first H2 into a leading Overview section only when there is some", () => {
    expect(outline("# Title\n\nWhy this exists.\n\n## Goals\n")).toEqual([
      [1, "Overview"],
      [1, "Goals"],
    ]);
    expect(outline("# Title\n\n## Goals\n")).toEqual([[1, "Goals"]]);
    expect(importMarkdown("# Title\n").sections).toEqual([]);
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

  it("attaches comments that precede the first heading to its section instead of an Overview", () => {
    const result = importMarkdown("# Technical Design\n\n<!-- Phase 0: Project Basics -->\n## Overview\nSummary.\n");
    expect(result.sections.map((s) => s.title)).toEqual(["Overview"]);
    expect(docToText(result.sections[0]!.body)).toBe("<!-- Phase 0: Project Basics -->\nSummary.");
    expect(result.dropped).toEqual(["<!-- Phase 0: Project Basics -->"]);
  });

  it("reports link and footnote definitions, which the editor cannot hold", () => {
    const result = importMarkdown("## Refs\n\nSee the spec[^1].\n\n[spec]: https://example.com\n\n[^1]: The footnote.\n");
    expect(result.dropped).toEqual(["[spec]: https://example.com", "[^1]: The footnote."]);
  });

  it("throws InvalidInput for front matter that is not valid YAML or not a mapping", () => {
    expect(() => importMarkdown("---\ntitle: [unclosed\n---\n# T\n")).toThrow(InvalidInput);
    expect(() => importMarkdown("---\ntitle: [unclosed\n---\n# T\n")).toThrow(/front matter is not valid YAML/);
    expect(() => importMarkdown("---\n- just\n- a list\n---\n# T\n")).toThrow(/must be a YAML mapping/);
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
