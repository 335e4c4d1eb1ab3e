import { describe, expect, it } from "vitest";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";

/** Two people's awareness, with every change of A's delivered to B as the socket would. */
function pair() {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  a.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    applyAwarenessUpdate(b, encodeAwarenessUpdate(a, [...added, ...updated, ...removed]), "remote");
  });
  a.setLocalStateField("user", { name: "Ada", color: "#4f46e5" });
  return { a, b, hub: new SectionAwarenessHub(b) };
}

function counter(hub: SectionAwarenessHub, section: string) {
  const seen = { changes: 0 };
  hub.forSection(section).on("change", () => seen.changes++);
  return seen;
}

describe("SectionAwarenessHub", () => {
  it("tells only the section a caret entered, moved in or left", () => {
    const { a, b, hub } = pair();
    const intro = counter(hub, "intro");
    const design = counter(hub, "design");
    const other = counter(hub, "risks");
    const ada = new SectionAwarenessHub(a);

    ada.forSection("intro").setLocalStateField("cursor", { anchor: 1, head: 1 });
    expect([intro.changes, design.changes, other.changes]).toEqual([1, 0, 0]);
    ada.forSection("intro").setLocalStateField("cursor", { anchor: 2, head: 2 });
    expect([intro.changes, design.changes, other.changes]).toEqual([2, 0, 0]);

    // moving to another section: the old one clears its caret, the new one draws it
    ada.forSection("design").setLocalStateField("cursor", { anchor: 5, head: 7 });
    expect([intro.changes, design.changes, other.changes]).toEqual([3, 1, 0]);
    expect([...hub.forSection("intro").getStates().keys()]).toEqual([]);
    expect(hub.forSection("design").getStates().get(a.clientID)?.cursor).toMatchObject({ anchor: 5, head: 7, section: "design" });

    // leaving (the socket drops the state): the section it was in hears of it
    a.setLocalState(null);
    expect([intro.changes, design.changes, other.changes]).toEqual([3, 2, 0]);
    expect(hub.forSection("design").getStates().size).toBe(0);
    b.destroy();
  });

  it("lets a section clear only its own caret, and reports the local caret only where it is", () => {
    const a = new Awareness(new Y.Doc());
    const hub = new SectionAwarenessHub(a);
    hub.forSection("intro").setLocalStateField("cursor", { anchor: 1, head: 1 });
    // the editor losing the focus to another section clears after the other one set it
    hub.forSection("design").setLocalStateField("cursor", { anchor: 3, head: 3 });
    hub.forSection("intro").setLocalStateField("cursor", null);
    expect(a.getLocalState()?.cursor).toMatchObject({ section: "design" });
    expect(hub.forSection("intro").getLocalState()?.cursor).toBeNull();
    expect(hub.forSection("design").getLocalState()?.cursor).toMatchObject({ anchor: 3 });
    // other fields go straight through, but the person's name and colour are the document's
    hub.forSection("intro").setLocalStateField("typing", true);
    expect(a.getLocalState()?.typing).toBe(true);
    a.setLocalStateField("user", { name: "Ada" });
    hub.forSection("intro").setLocalStateField("user", { name: null, color: null });
    expect(a.getLocalState()?.user).toEqual({ name: "Ada" });
    hub.forSection("design").setLocalStateField("cursor", null);
    expect(a.getLocalState()?.cursor).toBeNull();
    a.destroy();
  });
});
