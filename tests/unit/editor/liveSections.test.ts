import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { LiveSections, liveSectionsOf } from "@/components/editor/liveSections";

describe("live sections", () => {
  it("keep the last few used sections and tell when one drops out", () => {
    const live = new LiveSections(2);
    let dropped = 0;
    live.subscribe(() => dropped++);
    live.used("a");
    live.used("b");
    live.used("a");
    expect([live.keeps("a"), live.keeps("b"), live.keeps("c")]).toEqual([true, true, false]);
    expect(dropped).toBe(0);
    live.used("c");
    // b was used longest ago
    expect([live.keeps("a"), live.keeps("b"), live.keeps("c")]).toEqual([true, false, true]);
    expect(dropped).toBe(1);
  });

  it("keep a section while work in its editor is in flight", () => {
    const live = new LiveSections(1);
    let dropped = 0;
    live.subscribe(() => dropped++);
    live.setBusy("upload", true);
    live.used("x");
    live.used("y");
    expect(live.keeps("upload")).toBe(true);
    const before = dropped;
    live.setBusy("upload", false);
    expect(live.keeps("upload")).toBe(false);
    expect(dropped).toBe(before + 1);
  });

  it("are kept per open document", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    liveSectionsOf(a).used("k");
    expect(liveSectionsOf(a).keeps("k")).toBe(true);
    expect(liveSectionsOf(b).keeps("k")).toBe(false);
  });
});
