import { describe, expect, it } from "vitest";
import { normalizeDoc } from "@/lib/editor/pmSchema";
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
  it("lists each problem with its section", () => {
    const problems = submitProblems("Payments [Project Name]", [
      { key: "meta", title: "Metadata", fields: { owner: "" }, body: body("Fine.") },
      { key: "design", title: "Design", fields: {}, body: body("We ship it TBD.\n\n```mermaid\nnot a diagram\n```") },
    ], def);
    expect(problems.map((p) => [p.sectionKey, p.kind])).toEqual([
      [null, "placeholder"],
      ["meta", "required-field"],
      ["design", "diagram"],
      ["design", "placeholder"],
    ]);
  });

  it("passes a finished document, ignoring brackets inside code", () => {
    const problems = submitProblems("Payments ledger", [
      { key: "meta", title: "Metadata", fields: { owner: "Ada" }, body: body("Use `arr[idx]` carefully.") },
      { key: "design", title: "Design", fields: {}, body: body("```mermaid\n%% comment\nflowchart LR\n  A --> B\n```") },
    ], def);
    expect(problems).toEqual([]);
  });

  it("catches template placeholders left as hints", () => {
    const problems = submitProblems("Doc", [{ key: "design", title: "Design", fields: {}, body: body("Owner: {feature}") }], def);
    expect(problems).toEqual([{ sectionKey: "design", kind: "placeholder", message: "Design: replace the placeholder “{feature}”." }]);
  });
});
