import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { moveSection, placeSection, removeSection, renameSection, restoreSection } from "@/lib/collab/sectionOps";
import { sectionOrder, sectionsToYDoc, yDocToSections } from "@/lib/collab/ydoc";
import { emptyDoc } from "@/lib/editor/schema";

function doc(keys: string[]): Y.Doc {
  const ydoc = new Y.Doc();
  sectionsToYDoc(ydoc, keys.map((key) => ({ key, title: key.toUpperCase(), depth: 1, fields: {}, body: emptyDoc() })));
  return ydoc;
}

describe("section operations", () => {
  it("moves a section up and down and stops at the ends", () => {
    const ydoc = doc(["a", "b", "c"]);
    expect(moveSection(ydoc, "c", -1)).toBe(true);
    expect(sectionOrder(ydoc)).toEqual(["a", "c", "b"]);
    expect(moveSection(ydoc, "a", 1)).toBe(true);
    expect(sectionOrder(ydoc)).toEqual(["c", "a", "b"]);
    expect(moveSection(ydoc, "c", -1)).toBe(false);
    expect(moveSection(ydoc, "b", 1)).toBe(false);
  });

  it("places a dragged section before another one or at the end", () => {
    const ydoc = doc(["a", "b", "c", "d"]);
    expect(placeSection(ydoc, "d", "b")).toBe(true);
    expect(sectionOrder(ydoc)).toEqual(["a", "d", "b", "c"]);
    expect(placeSection(ydoc, "a", null)).toBe(true);
    expect(sectionOrder(ydoc)).toEqual(["d", "b", "c", "a"]);
    // dropped where it already is, on itself, or on a section that does not exist
    expect(placeSection(ydoc, "b", "c")).toBe(false);
    expect(placeSection(ydoc, "b", "b")).toBe(false);
    expect(placeSection(ydoc, "b", "zz")).toBe(false);
    expect(sectionOrder(ydoc)).toEqual(["d", "b", "c", "a"]);
  });

  it("renames, removes and restores a section with its content", () => {
    const ydoc = doc(["a", "b", "c"]);
    renameSection(ydoc, "b", "Better name");
    const index = removeSection(ydoc, "b");
    expect(sectionOrder(ydoc)).toEqual(["a", "c"]);
    restoreSection(ydoc, "b", index);
    expect(yDocToSections(ydoc).map((s) => [s.key, s.title])).toEqual([["a", "A"], ["b", "Better name"], ["c", "C"]]);
  });

  it("keeps both edits when two people move sections at once", () => {
    const a = doc(["a", "b", "c", "d"]);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveSection(a, "a", 1);
    moveSection(b, "d", -1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(sectionOrder(a)).toEqual(sectionOrder(b));
    expect([...sectionOrder(a)].sort()).toEqual(["a", "b", "c", "d"]);
  });
});
