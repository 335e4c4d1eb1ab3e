import { describe, expect, it } from "vitest";
import { collapseUnchanged, describeUnchanged, titlesAtAGlance } from "@/lib/versions/collapse";
import type { SectionDiff } from "@/lib/versions/diff";

const section = (key: string, status: SectionDiff["status"], moved = false): SectionDiff => ({
  key,
  status,
  moved,
  title: key.toUpperCase(),
  depth: 1,
  titleChange: null,
  depthChange: null,
  fields: [],
  body: null,
  suggestions: [],
  placeholders: null,
});

describe("collapsing unchanged sections", () => {
  it("folds each run of unchanged sections into one item between the changed ones", () => {
    const items = collapseUnchanged([section("a", "unchanged"), section("b", "unchanged"), section("c", "changed"), section("d", "unchanged"), section("e", "removed"), section("f", "added")]);
    expect(items.map((i) => (i.kind === "section" ? i.section.key : i.sections.map((s) => s.key)))).toEqual([["a", "b"], "c", ["d"], "e", "f"]);
  });

  it("keeps a section that only moved on its own", () => {
    const items = collapseUnchanged([section("a", "unchanged"), section("b", "unchanged", true), section("c", "unchanged")]);
    expect(items.map((i) => i.kind)).toEqual(["unchanged", "section", "unchanged"]);
  });

  it("folds a comparison with no changes into one line", () => {
    const items = collapseUnchanged(Array.from({ length: 23 }, (_, i) => section(`s${i}`, "unchanged")));
    expect(items).toHaveLength(1);
    expect(items[0]!.kind === "unchanged" && describeUnchanged(items[0]!.sections.length)).toBe("23 unchanged sections");
    expect(collapseUnchanged([])).toEqual([]);
  });

  it("names a run in plain words", () => {
    expect(describeUnchanged(1)).toBe("1 unchanged section");
    expect(titlesAtAGlance([{ title: "Goals" }])).toBe("Goals");
    expect(titlesAtAGlance([{ title: "Goals" }, { title: "Scope" }])).toBe("Goals and Scope");
    expect(titlesAtAGlance(["Goals", "Scope", "Risks", "Plan", ""].map((title) => ({ title })))).toBe("Goals, Scope, Risks and 2 more");
  });
});
