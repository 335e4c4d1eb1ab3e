import { describe, expect, it } from "vitest";
import { BUILTIN_TEMPLATES } from "@/lib/templates/builtins";
import { draftTitle, leftoverStandIn, TITLE_MAX_LENGTH } from "@/lib/documents/title";

describe("draftTitle", () => {
  it("selects the stand-in for the name so typing replaces only it", () => {
    const draft = draftTitle("Design Document: [Title]");
    expect(draft).toMatchObject({ title: "Design Document: [Title]", standIn: "[Title]" });
    const typed = draft.title.slice(0, draft.selectionStart) + "Payments" + draft.title.slice(draft.selectionEnd);
    expect(typed).toBe("Design Document: Payments");
  });

  it("selects a braced stand-in at the start", () => {
    expect(draftTitle("{feature} Design Document (Enterprise)")).toMatchObject({ selectionStart: 0, selectionEnd: 9, standIn: "{feature}" });
  });

  it("selects the whole pattern when it has no stand-in", () => {
    expect(draftTitle("Technical Design")).toEqual({ title: "Technical Design", selectionStart: 0, selectionEnd: 16 });
  });

  it("never starts longer than the limit", () => {
    expect(draftTitle("x".repeat(300)).title).toHaveLength(TITLE_MAX_LENGTH);
  });

  it("starts every built-in template's title inside the limit", () => {
    for (const t of BUILTIN_TEMPLATES) expect(draftTitle(t.titlePattern).title.length).toBeLessThanOrEqual(TITLE_MAX_LENGTH);
  });
});

describe("leftoverStandIn", () => {
  it("names a stand-in the title still holds, and nothing once it is replaced", () => {
    expect(leftoverStandIn("Design - [Project Name]")).toBe("[Project Name]");
    expect(leftoverStandIn("Design - Ledger")).toBeUndefined();
  });
});
