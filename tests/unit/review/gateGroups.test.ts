import { describe, expect, it } from "vitest";
import { groupProblems } from "@/lib/review/gateGroups";
import type { GateProblem } from "@/lib/review/submitGate";

const placeholder = (sectionKey: string | null, sectionTitle: string | null, text: string): GateProblem => ({
  sectionKey,
  sectionTitle,
  kind: "placeholder",
  detail: `Replace the placeholder “${text}”.`,
  message: `${sectionTitle ?? "Title"}: replace the placeholder “${text}”.`,
  text,
});

describe("grouping the gate's problems", () => {
  it("groups problems by section in reading order, keeping each one's place and which occurrence of its text it is", () => {
    const problems = [
      placeholder(null, null, "[Project]"),
      placeholder("meta", "Metadata", "[Date]"),
      { sectionKey: "meta", sectionTitle: "Metadata", kind: "required-field", detail: "Fill in “Owner”: it is required.", message: "Metadata: fill in “Owner”: it is required." } satisfies GateProblem,
      placeholder("meta", "Metadata", "[Date]"),
      placeholder("design", "Design", "[Date]"),
    ];
    const groups = groupProblems(problems);
    expect(groups.map((g) => [g.sectionKey, g.title, g.problems.map((p) => [p.index, p.occurrence])])).toEqual([
      [null, "Title", [[0, 0]]],
      ["meta", "Metadata", [[1, 0], [2, 0], [3, 1]]],
      ["design", "Design", [[4, 0]]],
    ]);
  });
});
