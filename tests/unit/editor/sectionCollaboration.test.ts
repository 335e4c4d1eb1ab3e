// @vitest-environment jsdom
import { describe, expect, it, onTestFinished } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { SectionEditor } from "@/components/editor/sectionEditor";
import { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import { bodyName } from "@/lib/collab/ydoc";
import type { Proposal } from "@/lib/suggestions/proposal";
import { press, type } from "./editorHarness";

// A section's editor as the page builds it (SectionEditor): bound to its Y.XmlFragment by
// tiptap's Collaboration, with the person's own undo and other people's carets.

/** One person's copy of a document with a live editor of section "scope", kept in step with `peers`. */
function personWith(name: string, color: string, peers: Y.Doc[], suggestingAs: string | null = null) {
  const notices: string[] = [];
  const proposals: Proposal[] = [];
  const ydoc = new Y.Doc();
  const awareness = new Awareness(ydoc);
  awareness.setLocalStateField("user", { name, color });
  for (const peer of peers) {
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(peer));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
    ydoc.on("update", (update: Uint8Array, origin: unknown) => origin !== peer && Y.applyUpdate(peer, update, ydoc));
    peer.on("update", (update: Uint8Array, origin: unknown) => origin !== ydoc && Y.applyUpdate(ydoc, update, peer));
  }
  const hub = new SectionAwarenessHub(awareness);
  const section = new SectionEditor({
    documentId: "d1",
    ydoc,
    carets: hub,
    sectionKey: "scope",
    title: "Scope",
    editable: true,
    threads: [],
    onNotice: (message) => notices.push(message),
    onSlash: () => undefined,
    members: [],
    onUpload: () => undefined,
    onLinkForm: () => undefined,
    suggestingAs: () => suggestingAs,
    onPropose: (proposal) => proposals.push(proposal),
    references: { slug: "acme", documents: [] },
  });
  const host = document.createElement("div");
  document.body.append(host);
  section.mount(host);
  onTestFinished(async () => {
    section.destroy();
    hub.destroy();
    awareness.destroy();
    host.remove();
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
  const editor = () => (section as unknown as { editor: import("@tiptap/core").Editor }).editor;
  return { ydoc, awareness, section, host, editor, notices, proposals, text: () => ydoc.getXmlFragment(bodyName("scope")).toDOM().textContent };
}

describe("a section's editor on the shared document", () => {
  it("writes typing into the section's shared text, and shows another person's typing", () => {
    const ada = personWith("Ada", "#2563eb", []);
    const bob = personWith("Bob", "#16a34a", [ada.ydoc]);
    type(ada.editor(), "Ada writes.");
    expect(bob.text()).toBe("Ada writes.");
    expect(bob.host.textContent).toContain("Ada writes.");
  });

  it("undoes only the person's own changes", () => {
    const ada = personWith("Ada", "#2563eb", []);
    const bob = personWith("Bob", "#16a34a", [ada.ydoc]);
    type(ada.editor(), "Ada.");
    // the undo manager groups changes made within half a second: Bob's come later
    const bobEditor = bob.editor();
    bobEditor.commands.setTextSelection(bobEditor.state.doc.content.size - 1);
    type(bobEditor, " Bob.");
    expect(ada.text()).toBe("Ada. Bob.");
    expect(press(ada.editor(), "Mod-z")).toBe(true);
    expect(ada.text()).toBe(" Bob.");
    expect(bob.text()).toBe(" Bob.");
    expect(press(ada.editor(), "Mod-Shift-z")).toBe(true);
    expect(bob.text()).toBe("Ada. Bob.");
  });

  it("draws the carets of the people in this section with their names, and does not republish the person", () => {
    const ada = personWith("Ada", "#2563eb", []);
    const bob = personWith("Bob", "#16a34a", [ada.ydoc]);
    ada.section.focus();
    type(ada.editor(), "Hello");
    // Bob's editor mounting did not touch his published name and colour
    expect(bob.awareness.getLocalState()?.user).toEqual({ name: "Bob", color: "#16a34a" });
    // Ada's caret, as her awareness would reach Bob
    const cursor = ada.awareness.getLocalState()?.cursor as { section: string } | undefined;
    expect(cursor?.section).toBe("scope");
    bob.awareness.states.set(ada.awareness.clientID, ada.awareness.getLocalState()!);
    bob.awareness.emit("change", [{ added: [ada.awareness.clientID], updated: [], removed: [] }, "remote"]);
    // and she types on
    type(ada.editor(), "!");
    const label = bob.host.querySelector(".collaboration-carets__label");
    expect(label?.textContent).toBe("Ada");
    expect((label as HTMLElement | null)?.style.backgroundColor).toBe("rgb(37, 99, 235)");
  });

  it("makes what a person types while suggesting a suggestion in their name, which the other person sees as one", () => {
    const ada = personWith("Ada", "#2563eb", []);
    type(ada.editor(), "Uptime is 99.99 %.");
    const vera = personWith("Vera", "#16a34a", [ada.ydoc], "vera-id");
    vera.editor().commands.setTextSelection({ from: 11, to: 16 });
    type(vera.editor(), "99.9");
    const body = JSON.stringify(ada.editor().getJSON());
    expect(body).toMatch(/"deletion","attrs":\{"id":"vera-id:[0-9a-z]+:[0-9a-z]+"\}\},?"?.*"text":"99.99"/);
    expect(body).toMatch(/"insertion","attrs":\{"id":"vera-id:/);
    expect(ada.host.querySelector("ins.sw-suggestion")?.textContent).toBe("99.9");
    expect(ada.host.querySelector("del.sw-suggestion")?.textContent).toBe("99.99");
    expect(vera.notices).toEqual([]);
  });

  it("makes code typed in a code block while suggesting a suggestion too", () => {
    const ada = personWith("Ada", "#2563eb", []);
    ada.editor().commands.setContent({ type: "doc", content: [{ type: "codeBlock", content: [{ type: "text", text: "let x = 1" }] }] });
    const vera = personWith("Vera", "#16a34a", [ada.ydoc], "vera-id");
    vera.editor().commands.setTextSelection(3);
    type(vera.editor(), "z");
    expect(ada.host.querySelector("pre ins.sw-suggestion")?.textContent).toBe("z");
    expect(vera.notices).toEqual([]);
  });

  it("proposes, instead of making, a change of one block's kind while suggesting", () => {
    const ada = personWith("Ada", "#2563eb", []);
    type(ada.editor(), "Goals");
    const vera = personWith("Vera", "#16a34a", [ada.ydoc], "vera-id");
    vera.editor().commands.setTextSelection(2);
    vera.editor().commands.setHeading({ level: 2 });
    expect(ada.host.querySelector("h2")).toBeNull();
    expect(ada.text()).toBe("Goals");
    expect(vera.notices).toEqual([]);
    expect(vera.proposals).toEqual([
      { kind: "block", before: { type: "paragraph", content: [{ type: "text", text: "Goals" }] }, after: expect.objectContaining({ type: "heading", attrs: expect.objectContaining({ level: 2 }), content: [{ type: "text", text: "Goals" }] }) },
    ]);
  });

  it("refuses, with a reason, a change while suggesting that spans several blocks", () => {
    const ada = personWith("Ada", "#2563eb", []);
    ada.editor().commands.setContent({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "One" }] }, { type: "paragraph", content: [{ type: "text", text: "Two" }] }] });
    const vera = personWith("Vera", "#16a34a", [ada.ydoc], "vera-id");
    vera.editor().commands.setTextSelection({ from: 2, to: 8 });
    vera.editor().commands.setHeading({ level: 2 });
    expect(ada.host.querySelector("h2")).toBeNull();
    expect(vera.proposals).toEqual([]);
    expect(vera.notices).toEqual([expect.stringMatching(/adds, removes or spans several blocks: make it one block at a time, or switch to Editing\.$/)]);
  });
});

