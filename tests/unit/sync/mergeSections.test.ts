import { describe, expect, it } from "vitest";
import { mergeSections, type MergeSection } from "@/lib/sync/mergeSections";

const s = (id: string, digest = "v1"): MergeSection => ({ id, title: id, digest });

describe("mergeSections", () => {
  it("takes a section changed on one side only from that side", () => {
    const merge = mergeSections([s("a"), s("b")], [s("a", "v2"), s("b")], [s("a"), s("b", "v3")]);
    expect(merge).toEqual({ changes: [{ id: "a", change: "updated" }], conflicts: [], order: ["a", "b"], reordered: false });
  });

  it("leaves a section both sides changed the same way, and reports one they changed differently", () => {
    const merge = mergeSections([s("a"), s("b")], [s("a", "v2"), s("b", "x")], [s("a", "v2"), s("b", "y")]);
    expect(merge.changes).toEqual([]);
    expect(merge.conflicts).toEqual([{ id: "b", title: "b", in: { base: true, ours: true, theirs: true } }]);
  });

  it("removes a section the copy removed unless the document changed it, and reports a change to one the document removed", () => {
    expect(mergeSections([s("a"), s("b")], [s("a")], [s("a"), s("b")]).changes).toEqual([{ id: "b", change: "removed" }]);
    expect(mergeSections([s("a"), s("b")], [s("a")], [s("a"), s("b", "v2")]).conflicts).toEqual([{ id: "b", title: "b", in: { base: true, ours: false, theirs: true } }]);
    expect(mergeSections([s("a"), s("b")], [s("a"), s("b", "v2")], [s("a")]).conflicts).toEqual([{ id: "b", title: "b", in: { base: true, ours: true, theirs: false } }]);
    expect(mergeSections([s("a"), s("b")], [s("a"), s("b")], [s("a")])).toEqual({ changes: [], conflicts: [], order: ["a"], reordered: false });
  });

  it("adds a section after the one it follows in the copy, keeping the document's order and its own additions", () => {
    const merge = mergeSections([s("a"), s("b")], [s("new0"), s("a"), s("mid"), s("b")], [s("b"), s("a"), s("theirs")]);
    expect(merge.changes).toEqual([
      { id: "new0", change: "added" },
      { id: "mid", change: "added" },
    ]);
    expect(merge.order).toEqual(["new0", "b", "a", "mid", "theirs"]);
  });

  it("takes the copy's order when only the copy moved sections, keeping what each side added or removed", () => {
    // the copy moves c first, adds "mine" after a and removes d; the document added "theirs" after b
    const merge = mergeSections([s("a"), s("b"), s("c"), s("d")], [s("c"), s("a"), s("mine"), s("b")], [s("a"), s("b"), s("theirs"), s("c"), s("d")]);
    expect(merge.reordered).toBe(true);
    expect(merge.order).toEqual(["c", "a", "mine", "b", "theirs"]);
    // a section the document removed stays removed, wherever the copy put it
    expect(mergeSections([s("a"), s("b"), s("c")], [s("c"), s("b"), s("a")], [s("a"), s("c")]).order).toEqual(["c", "a"]);
  });

  it("keeps the document's order when both sides moved sections, or only the document did", () => {
    const both = mergeSections([s("a"), s("b"), s("c")], [s("c"), s("a"), s("b")], [s("b"), s("a"), s("c")]);
    expect([both.reordered, both.order]).toEqual([false, ["b", "a", "c"]]);
    const theirs = mergeSections([s("a"), s("b")], [s("a"), s("b")], [s("b"), s("a")]);
    expect([theirs.reordered, theirs.order]).toEqual([false, ["b", "a"]]);
  });

  it("reports a section both sides added with different content", () => {
    expect(mergeSections([], [s("a", "x")], [s("a", "y")]).conflicts).toEqual([{ id: "a", title: "a", in: { base: false, ours: true, theirs: true } }]);
    expect(mergeSections([], [s("a", "x")], [s("a", "x")]).conflicts).toEqual([]);
  });

  it("reports a section the copy renamed, and a conflict when the document renamed or changed it too", () => {
    const renamed: MergeSection = { id: "a", title: "New", digest: "v2" };
    expect(mergeSections([s("a"), s("b")], [renamed, s("b")], [s("a"), s("b")]).changes).toEqual([{ id: "a", change: "renamed", from: "a" }]);
    // the same rename on both sides is no change
    expect(mergeSections([s("a")], [renamed], [renamed]).changes).toEqual([]);
    expect(mergeSections([s("a")], [renamed], [{ id: "a", title: "Other", digest: "v3" }]).conflicts).toEqual([{ id: "a", title: "New", in: { base: true, ours: true, theirs: true } }]);
    expect(mergeSections([s("a")], [renamed], [s("a", "v3")]).conflicts).toHaveLength(1);
  });
});
