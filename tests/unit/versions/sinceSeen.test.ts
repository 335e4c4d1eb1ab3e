import { describe, expect, it } from "vitest";
import type { HashableSection } from "@/lib/documents/contentHash";
import { diffSections, sameSection } from "@/lib/versions/diff";
import type { Manifest } from "@/lib/versions/manifest";
import { changedByOthers, hashChanged } from "@/lib/versions/sinceSeen";
import { sectionHash } from "@/lib/versions/snapshot";

const section = (key: string, text: string, extra: Partial<HashableSection> = {}): HashableSection => ({
  key,
  title: key,
  depth: 1,
  fields: {},
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
  ...extra,
});
const manifest = (sections: HashableSection[]): Manifest => sections.map((s) => [s.key, sectionHash(s)]);

describe("what changed since someone last looked", () => {
  const seen = [section("a", "One."), section("b", "Two."), section("c", "Three."), section("d", "Four.")];

  it("leaves out the sections only the person changed", () => {
    const mine = [section("a", "One, mine."), ...seen.slice(1)];
    const theirs = [mine[0]!, section("b", "Two, theirs."), ...seen.slice(2)];
    const steps = [
      { manifest: manifest(seen), authorIds: [] },
      { manifest: manifest(mine), authorIds: ["me"] },
      { manifest: manifest(theirs), authorIds: ["ana"] },
    ];
    expect(changedByOthers(steps, "me")).toEqual({ changed: 1, added: 0, removed: 0, moved: 0 });
    expect(changedByOthers(steps, "ana")).toEqual({ changed: 1, added: 0, removed: 0, moved: 0 });
    expect(changedByOthers(steps.slice(0, 2), "me")).toEqual({ changed: 0, added: 0, removed: 0, moved: 0 });
  });

  it("counts a section both changed, and changes with no recorded author", () => {
    const both = [section("a", "One, both."), ...seen.slice(1)];
    expect(changedByOthers([{ manifest: manifest(seen), authorIds: [] }, { manifest: manifest(both), authorIds: ["me", "ana"] }], "me").changed).toBe(1);
    const later = [section("a", "One, later."), ...seen.slice(1)];
    const steps = [{ manifest: manifest(seen), authorIds: [] }, { manifest: manifest(both), authorIds: ["ana"] }, { manifest: manifest(later), authorIds: ["me"] }];
    expect(changedByOthers(steps, "me").changed).toBe(1);
    expect(changedByOthers([{ manifest: manifest(seen), authorIds: [] }, { manifest: manifest(both), authorIds: [] }], "me").changed).toBe(1);
  });

  it("gives the same counts as the full comparison when others made every change", () => {
    const cases: HashableSection[][] = [
      seen,
      [section("a", "One."), section("b", "Two changed."), section("c", "Three."), section("d", "Four.")],
      [seen[2]!, seen[0]!, seen[1]!, seen[3]!],
      [seen[0]!, section("e", "New."), seen[2]!],
      [section("a", "One.", { title: "A!" }), seen[1]!, section("c", "Three.", { fields: { owner: "Ana" } }), section("d", "Four.", { depth: 2 })],
      [seen[3]!, section("c", "Three moved and changed."), section("f", "Another."), seen[0]!],
      [],
    ];
    for (const now of cases) {
      const steps = [{ manifest: manifest(seen), authorIds: [] }, { manifest: manifest(now), authorIds: ["ana"] }];
      expect(changedByOthers(steps, "me")).toEqual(diffSections(seen, now).summary);
    }
  });
});

describe("sections whose hash changed but whose content did not", () => {
  it("are found by comparing the two sides, as the full comparison does", () => {
    const stored = section("a", "One.", { fields: { owner: null } });
    const typed = section("a", "One.");
    const steps = [{ manifest: manifest([stored]), authorIds: [] }, { manifest: manifest([typed]), authorIds: ["ana"] }];
    expect(hashChanged(steps)).toEqual([{ key: "a", before: sectionHash(stored), after: sectionHash(typed) }]);
    expect(sameSection(stored, typed)).toBe(true);
    expect(changedByOthers(steps, "me", new Set(["a"]))).toEqual(diffSections([stored], [typed]).summary);
  });
});
