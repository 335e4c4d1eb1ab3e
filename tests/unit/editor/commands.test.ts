import { EditorState, TextSelection, type Command } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { linkHrefAt, setLink } from "@/lib/editor/link";
import { documentSchema, normalizeDoc } from "@/lib/editor/documentSchema";
import type { PMDoc, PMNode } from "@/lib/editor/schema";

const p = (text: string): PMNode => ({ type: "paragraph", content: [{ type: "text", text }] });

/** A state of `content` with the caret (or selection) at the given positions. */
function stateOf(content: PMNode[], from: number, to = from): EditorState {
  const doc = documentSchema.nodeFromJSON(normalizeDoc({ type: "doc", content }));
  return EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
}

/** Runs a command; returns the state after it (or null when it refused). */
function run(state: EditorState, command: Command): EditorState | null {
  let next: EditorState | null = null;
  const applied = command(state, (tr) => (next = state.apply(tr)));
  return applied ? next ?? state : null;
}

/** The document's canonical JSON, as stored. */
function json(state: EditorState): PMDoc {
  return normalizeDoc(state.doc.toJSON() as PMDoc);
}

describe("links", () => {
  const doc = [p("See the runbook today")];

  it("link the selection to a safe address and refuse an unsafe one", () => {
    const linked = run(stateOf(doc, 9, 16), setLink("https://runbooks.example.com/"))!;
    const text = json(linked).content[0]!.content!;
    expect(text[1]).toEqual({ type: "text", text: "runbook", marks: [{ type: "link", attrs: { href: "https://runbooks.example.com/", target: "_blank", rel: "noopener noreferrer nofollow", class: null, title: null } }] });
    expect(run(stateOf(doc, 9, 16), setLink("javascript:alert(1)"))).toBeNull();
  });

  it("with the caret in a link, change or remove the whole link", () => {
    const linked = run(stateOf(doc, 9, 16), setLink("https://a.example/"))!;
    const caretInside = linked.apply(linked.tr.setSelection(TextSelection.create(linked.doc, 12)));
    expect(linkHrefAt(caretInside)).toBe("https://a.example/");
    const changed = run(caretInside, setLink("https://b.example/"))!;
    expect(json(changed).content[0]!.content![1]!.marks![0]!.attrs!.href).toBe("https://b.example/");
    const removed = run(changed, setLink(""))!;
    expect(json(removed)).toEqual(normalizeDoc({ type: "doc", content: doc }));
    expect(linkHrefAt(changed.apply(changed.tr.setSelection(TextSelection.create(changed.doc, 16))))).toBe("https://b.example/");
    expect(linkHrefAt(removed)).toBe("");
  });

  it("with the caret outside any link, insert the address as linked text; remove nothing", () => {
    const inserted = run(stateOf(doc, 5), setLink(" https://c.example/x "))!;
    const text = json(inserted).content[0]!.content!;
    expect(text.map((t) => t.text)).toEqual(["See ", "https://c.example/x", "the runbook today"]);
    expect(text[1]!.marks![0]!.attrs!.href).toBe("https://c.example/x");
    expect(run(stateOf(doc, 5), setLink(""))).toBeNull();
    expect(run(stateOf(doc, 5), setLink("javascript:alert(1)"))).toBeNull();
  });
});
