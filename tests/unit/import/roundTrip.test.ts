import { describe, expect, it } from "vitest";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { planAsIs } from "@/lib/import/planDocument";
import { groupDifferences, roundTripOf, type RoundTripGroup } from "@/lib/import/roundTrip";
import type { LayoutInput } from "@/lib/import/layoutOf";
import { compareMarkdown } from "@/lib/markdown/compare";
import { importMarkdown } from "@/lib/markdown/importMarkdown";

const NOW = new Date("2026-01-01T00:00:00.000Z");

function asIs(markdown: string, change: (input: LayoutInput) => LayoutInput = (i) => i): LayoutInput {
  const imported = importMarkdown(markdown);
  const title = imported.title ?? "file";
  const plan = planAsIs(imported, { key: "imported", name: "Imported", title });
  return change({ imported, plan, bodies: plan.sections.map((s) => normalizeDoc(s.body)), definition: plan.definition, title, members: [], template: { key: "imported", version: 1 }, now: NOW, ownerName: "" });
}

const FILE = [
  "---",
  "title: Ledger",
  "---",
  "<!-- keep me -->",
  "# Ledger",
  "",
  "## Context",
  "",
  "See [the spec][spec] and ![a diagram](images/flow.png).",
  "",
  "## Decision",
  "",
  "Use [the spec][spec].",
  "",
  "[spec]: https://example.com/spec",
  "",
].join("\n");

describe("roundTripOf", () => {
  it("finds nothing when the export right after the import reads the same as the file", () => {
    expect(roundTripOf(FILE, asIs(FILE))).toEqual([]);
  });

  it("names what would change, grouped by construct, with the file's line", () => {
    const renamed = (input: LayoutInput): LayoutInput => ({ ...input, title: "Payments ledger" });
    const groups = roundTripOf(FILE, asIs(FILE, renamed));
    expect(groups.map((g: RoundTripGroup) => [g.construct, g.name])).toEqual([["heading", "heading"], ["text", "text"]]);
    expect(groups[0]?.notes).toEqual([expect.objectContaining({ line: 5, message: expect.stringMatching(/Ledger.*Payments ledger/) })]);
  });

  it("finds the text that differs from what was imported", () => {
    const garbled = "# Plan\n\nShip it ðŸš€ today.\n";
    const repaired = "# Plan\n\nShip it 🚀 today.\n";
    expect(roundTripOf(repaired, asIs(repaired))).toEqual([]);
    expect(roundTripOf(garbled, asIs(repaired)).map((g: RoundTripGroup) => g.construct)).toEqual(["text"]);
  });
});

describe("groupDifferences", () => {
  it("keeps the groups in file order and notes only in the export as such", () => {
    const groups = groupDifferences(compareMarkdown("# T\n\nA [x](https://a.example/).\n", "# T\n\nA x.\n\n## Added\n"));
    expect(groups.map((g) => g.construct)).toEqual(["link", "text", "heading"]);
    expect(groups.find((g) => g.construct === "heading")?.notes[0]?.line).toBeNull();
  });
});
