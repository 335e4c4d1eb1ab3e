import { describe, expect, it } from "vitest";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { submitProblems } from "@/lib/review/submitGate";
import { TemplateDefinition } from "@/lib/templates/schema";

const def = TemplateDefinition.parse({
  key: "t",
  name: "T",
  description: "",
  sections: [
    { key: "meta", title: "Metadata", depth: 1, fields: [{ key: "owner", label: "Owner", type: "text", required: true }] },
    { key: "design", title: "Design", depth: 1 },
  ],
});
const body = (md: string) => normalizeDoc(markdownToDoc(md).doc);

describe("submit gate", () => {
  it("lists each problem with its section", async () => {
    const problems = await submitProblems("Payments [Project Name]", [
      { key: "meta", title: "Metadata", fields: { owner: "" }, body: body("Fine.") },
      { key: "design", title: "Design", fields: {}, body: body("We ship it TBD.\n\n```mermaid\nnot a diagram\n```") },
    ], def);
    expect(problems.map((p) => [p.sectionKey, p.kind])).toEqual([
      [null, "placeholder"],
      ["meta", "required-field"],
      ["design", "placeholder"],
      ["design", "diagram"],
    ]);
  });

  it("lists every placeholder left, not only the first of each section, in reading order", async () => {
    const problems = await submitProblems("[Project Name] for {team}", [
      { key: "meta", title: "Metadata", fields: { owner: "" }, body: body("Owner: [Name], reviewed by [Reviewer]. TODO and TBD.") },
      { key: "design", title: "Design", fields: {}, body: body("- [First step]\n- [Second step]\n\n`[kept in code]`\n\n```\nlist[TODO]\n```\n\nThen {feature}.") },
    ], def);
    expect(problems.map((p) => [p.sectionTitle, p.kind, p.text ?? null])).toEqual([
      [null, "placeholder", "[Project Name]"],
      [null, "placeholder", "{team}"],
      ["Metadata", "required-field", null],
      ["Metadata", "placeholder", "[Name]"],
      ["Metadata", "placeholder", "[Reviewer]"],
      ["Metadata", "placeholder", "TODO"],
      ["Metadata", "placeholder", "TBD"],
      ["Design", "placeholder", "[First step]"],
      ["Design", "placeholder", "[Second step]"],
      ["Design", "placeholder", "{feature}"],
    ]);
    expect(problems[2]).toMatchObject({ detail: "Fill in “Owner”: it is required.", message: "Metadata: fill in “Owner”: it is required." });
    expect(problems[0]).toMatchObject({ sectionKey: null, detail: "Replace the placeholder “[Project Name]” in the title." });
  });

  it("passes a finished document, ignoring brackets inside code", async () => {
    const problems = await submitProblems("Payments ledger", [
      { key: "meta", title: "Metadata", fields: { owner: "Ada" }, body: body("Use `arr[idx]` carefully.") },
      { key: "design", title: "Design", fields: {}, body: body("```mermaid\n%% comment\nflowchart LR\n  A --> B\n```") },
    ], def);
    expect(problems).toEqual([]);
  });

  it("catches template placeholders left as hints", async () => {
    const problems = await submitProblems("Doc", [{ key: "design", title: "Design", fields: {}, body: body("Owner: {feature}") }], def);
    expect(problems).toEqual([
      { sectionKey: "design", sectionTitle: "Design", kind: "placeholder", detail: "Replace the placeholder “{feature}”.", message: "Design: replace the placeholder “{feature}”.", text: "{feature}" },
    ]);
  });

  it("checks diagrams with Mermaid's parser: a known type with broken syntax is caught with its line", async () => {
    const problems = await submitProblems("Doc", [
      { key: "design", title: "Design", fields: {}, body: body("```mermaid\nflowchart LR\n  A --> B\n```\n\n```mermaid\nsequenceDiagram\n  A->>: hi\n```") },
    ], def);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sectionKey: "design", kind: "diagram" });
    expect(problems[0]!.message).toMatch(/^Design: diagram 2 does not draw — Line 2 \(A->>: hi\): /);
    expect(problems[0]!.message).not.toMatch(/Expecting|'[A-Z_]+'/);
  });

  it("accepts every diagram type the editor offers when its syntax is right", async () => {
    const sources = [
      "classDiagram\n  class Ledger",
      "stateDiagram-v2\n  [*] --> Draft",
      "erDiagram\n  ACCOUNT ||--o{ ENTRY : has",
      "gantt\n  title Plan\n  section Build\n  Ledger :a1, 2026-01-01, 30d",
      "mindmap\n  root\n    child",
      "---\ntitle: With front matter\n---\nflowchart TD\n  A --> B",
    ];
    for (const source of sources) {
      const problems = await submitProblems("Doc", [{ key: "design", title: "Design", fields: {}, body: body("```mermaid\n" + source + "\n```") }], def);
      expect(problems, source).toEqual([]);
    }
  });
});
