import { describe, expect, it } from "vitest";
import type { PMDoc, PMNode } from "@/lib/editor/schema";
import { blockChangeWhat, singleBlockChange } from "@/lib/suggestions/blockChange";

const p = (text: string): PMNode => ({ type: "paragraph", content: [{ type: "text", text }] });
const h = (level: number, text: string): PMNode => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const doc = (...content: PMNode[]): PMDoc => ({ type: "doc", content });
const table = (rows: number, columns: number): PMNode => ({ type: "table", content: Array.from({ length: rows }, () => ({ type: "tableRow", content: Array.from({ length: columns }, () => ({ type: "tableCell", content: [p("x")] })) })) });

describe("singleBlockChange", () => {
  it("gives the one block a change touched, as it was and as it would be", () => {
    expect(singleBlockChange(doc(p("Intro"), p("Goals"), p("End")), doc(p("Intro"), h(2, "Goals"), p("End")))).toEqual({ before: p("Goals"), after: h(2, "Goals") });
  });

  it("gives nothing for a change of several blocks, or of how many there are", () => {
    expect(singleBlockChange(doc(p("One"), p("Two")), doc(h(2, "One"), h(2, "Two")))).toBeNull();
    expect(singleBlockChange(doc(p("One")), doc(p("On"), p("e")))).toBeNull();
    expect(singleBlockChange(doc(p("One")), doc(p("One")))).toBeNull();
  });
});

describe("blockChangeWhat", () => {
  it("names the change as a reader would", () => {
    expect(blockChangeWhat(p("Goals"), h(2, "Goals"))).toBe("turns a paragraph into Heading 2");
    expect(blockChangeWhat(h(3, "Goals"), h(2, "Goals"), "to")).toBe("turn Heading 3 into Heading 2");
    expect(blockChangeWhat(table(2, 2), table(2, 3))).toBe("turns a table of 2 rows × 2 columns into a table of 2 rows × 3 columns");
    expect(blockChangeWhat(table(1, 1), table(1, 1), "to")).toBe("change a table of 1 row × 1 column");
    expect(blockChangeWhat(p("a"), { type: "bulletList", content: [{ type: "listItem", content: [p("a")] }] })).toBe("turns a paragraph into a bulleted list");
  });
});
