import { describe, expect, it } from "vitest";
import type { HashableSection } from "@/lib/documents/contentHash";
import type { PMNode } from "@/lib/editor/schema";
import { diffSections } from "@/lib/versions/diff";
import { describeRestoreChange, restoreChanges, restoresNothing } from "@/lib/versions/restoreChanges";

const p = (text: string): PMNode => ({ type: "paragraph", content: [{ type: "text", text }] });
const m = (source: string): PMNode => ({ type: "mermaid", attrs: { source } });
const doc = (...content: PMNode[]) => ({ type: "doc" as const, content });
const section = (key: string, body = doc(p(`${key} text.`)), extra: Partial<HashableSection> = {}): HashableSection => ({ key, title: key[0]!.toUpperCase() + key.slice(1), depth: 1, fields: {}, body, ...extra });
const label = (_section: string, field: string) => (field === "owner" ? "Owner" : field);

describe("what a restore would change", () => {
  // the current content is compared with the version to restore
  const current = [section("design", doc(p("Charges are retried three times with backoff."))), section("security"), section("extra")];
  const version = [section("design", doc(p("Charges are retried once."), m("flowchart LR\n  A --> B"))), section("security", undefined, { fields: { owner: "Ana" } }), section("glossary")];

  it("names each section a whole-version restore changes, with words, blocks and fields counted", () => {
    const changes = restoreChanges(diffSections(current, version), { fieldLabel: label });
    expect(changes.map((c) => [c.title, c.effect])).toEqual([["Design", "changed"], ["Security", "changed"], ["Extra", "removed"], ["Glossary", "added"]]);
    expect(changes[0]).toMatchObject({ wordsRemoved: 4, wordsAdded: 1, diagrams: 1, tables: 0, fields: [] });
    expect(changes.map(describeRestoreChange)).toEqual(["4 words removed, 1 added; 1 diagram changes", "field “Owner” changes", "is removed", "comes back"]);
  });

  it("looks only at the chosen section for a one-section restore", () => {
    const changes = restoreChanges(diffSections(current, version), { sectionKey: "security", fieldLabel: label });
    expect(changes.map((c) => c.key)).toEqual(["security"]);
  });

  it("is empty when the restore would change nothing", () => {
    expect(restoreChanges(diffSections(current, current), { fieldLabel: label })).toEqual([]);
    expect(restoreChanges(diffSections(current, version), { sectionKey: "missing", fieldLabel: label })).toEqual([]);
  });

  it("knows without diffing when a restore would change nothing, as the comparison says", () => {
    const reordered = [current[1]!, current[2]!, current[0]!];
    const withNullField = current.map((s) => ({ ...s, fields: { owner: null } }));
    const pairs: [HashableSection[], HashableSection[]][] = [[current, current], [current, version], [reordered, current], [withNullField, current], [current, current.slice(1)]];
    for (const [now, restored] of pairs) {
      expect(restoresNothing(now, restored)).toBe(restoreChanges(diffSections(now, restored), { fieldLabel: label }).length === 0);
      for (const s of restored) expect(restoresNothing(now, [s], s.key)).toBe(restoreChanges(diffSections(now, restored), { sectionKey: s.key, fieldLabel: label }).length === 0);
    }
    expect(restoresNothing(current, current)).toBe(true);
    expect(restoresNothing(reordered, current)).toBe(false);
    expect(restoresNothing(current.slice(1), [current[0]!], current[0]!.key)).toBe(false);
  });

  it("counts a section put back in its old place only for a whole-version restore", () => {
    const reordered = [current[1]!, current[2]!, current[0]!];
    const whole = restoreChanges(diffSections(reordered, current), { fieldLabel: label });
    expect(whole.map((c) => [c.key, c.effect, describeRestoreChange(c)])).toEqual([["design", "moved", "moves back to its earlier place"]]);
    expect(restoreChanges(diffSections(reordered, current), { sectionKey: "design", fieldLabel: label })).toEqual([]);
  });

  it("says a title change in the section's own words and names it by its current title", () => {
    const [change] = restoreChanges(diffSections([section("design", undefined, { title: "Design v2" })], [section("design")]), { fieldLabel: label });
    expect(change).toMatchObject({ title: "Design v2", titleChange: { from: "Design v2", to: "Design" } });
    expect(describeRestoreChange(change!)).toBe("title becomes “Design”");
  });
});

describe("a restore that brings back the template's placeholder", () => {
  const hint = (label: string): PMNode => ({ type: "paragraph", content: [{ type: "placeholder", attrs: { label } }] });
  const written = section("overview", doc(p("Ledger keeps every payment as two entries, one per account, so totals always balance.")));
  const asCreated = section("overview", doc(hint("[Two or three sentences: what this is and why it matters.]")));

  it("says the placeholder comes back, not only that the words go", () => {
    const [change] = restoreChanges(diffSections([written], [asCreated]), { sectionKey: "overview", fieldLabel: label });
    expect(change).toMatchObject({ placeholdersAdded: 1, placeholdersRemoved: 0, wordsRemoved: 14 });
    expect(describeRestoreChange(change!)).toBe("14 words removed; the template’s placeholder comes back");
  });

  it("says when placeholders go, and counts several", () => {
    const [gone] = restoreChanges(diffSections([asCreated], [written]), { fieldLabel: label });
    expect(describeRestoreChange(gone!)).toBe("14 words added; the template’s placeholder goes");
    const two = section("overview", doc(hint("[Goal]"), hint("[Non-goals]")));
    const [back] = restoreChanges(diffSections([written], [two]), { fieldLabel: label });
    expect(describeRestoreChange(back!)).toBe("14 words removed; 2 of the template’s placeholders come back");
  });
});
