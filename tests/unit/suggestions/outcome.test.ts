import { describe, expect, it } from "vitest";
import type { PMDoc, PMNode } from "@/lib/editor/schema";
import { settledOutcome } from "@/lib/suggestions/outcome";

const text = (value: string, mark?: { type: "insertion" | "deletion"; id: string }): PMNode => (mark ? { type: "text", text: value, marks: [{ type: mark.type, attrs: { id: mark.id } }] } : { type: "text", text: value });
const doc = (...paragraphs: PMNode[][]): PMDoc => ({ type: "doc", content: paragraphs.map((content) => ({ type: "paragraph", content })) }) as PMDoc;
const ids = (...list: string[]) => new Set(list);

describe("how a settled suggestion ended", () => {
  const added = doc([text("Refunds"), text(" go back", { type: "insertion", id: "s1" })]);
  const removed = doc([text("Refunds go back"), text(" to the card", { type: "deletion", id: "s2" })]);

  it("is accepted when the text keeps what it added or loses what it removed", () => {
    expect(settledOutcome(added, doc([text("Refunds go back")]), ids("s1"))).toBe("accepted");
    expect(settledOutcome(removed, doc([text("Refunds go back")]), ids("s2"))).toBe("accepted");
  });

  it("is rejected when the text is as it was without it", () => {
    expect(settledOutcome(added, doc([text("Refunds")]), ids("s1"))).toBe("rejected");
    expect(settledOutcome(removed, doc([text("Refunds go back to the card")]), ids("s2"))).toBe("rejected");
  });

  it("stays open to others' suggestions in the same section, and undecided when the text says neither", () => {
    const both = doc([text("Refunds"), text(" go back", { type: "insertion", id: "s1" })], [text("Later", { type: "insertion", id: "s3" })]);
    expect(settledOutcome(both, doc([text("Refunds go back")], [text("Later", { type: "insertion", id: "s3" })]), ids("s1"))).toBe("accepted");
    // someone also typed in the section in the same store
    expect(settledOutcome(added, doc([text("Refunds go back, always")]), ids("s1"))).toBeNull();
  });
});
