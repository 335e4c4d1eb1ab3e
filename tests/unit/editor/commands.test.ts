import { EditorState, TextSelection, type Command } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { insertHorizontalRule, isMarkActive, isNodeActive, toggleBulletList, toggleHeading, toggleOrderedList, toggleTaskList } from "@/lib/editor/commands";
import { linkHrefAt, setLink } from "@/lib/editor/link";
import { documentSchema, normalizeDoc } from "@/lib/editor/documentSchema";
import type { PMDoc, PMNode } from "@/lib/editor/schema";
import { insertTable } from "@/lib/editor/table";

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

describe("list toggles", () => {
  it("wrap a paragraph, change the kind of list in place, and lift out of the same kind", () => {
    const bullets = run(stateOf([p("Ship it")], 2), toggleBulletList)!;
    expect(json(bullets).content[0]).toMatchObject({ type: "bulletList", content: [{ type: "listItem" }] });
    expect(isNodeActive(bullets, "bulletList")).toBe(true);

    const tasks = run(bullets, toggleTaskList)!;
    expect(json(tasks).content[0]).toMatchObject({ type: "taskList", content: [{ type: "taskItem", attrs: { checked: false } }] });
    // the caret stays in the text
    expect(tasks.selection.$from.parent.textContent).toBe("Ship it");

    const numbered = run(tasks, toggleOrderedList)!;
    expect(json(numbered).content[0]).toMatchObject({ type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem" }] });

    const lifted = run(numbered, toggleOrderedList)!;
    expect(json(lifted)).toEqual(normalizeDoc({ type: "doc", content: [p("Ship it")] }));
  });
});

describe("headings", () => {
  it("toggle between a heading of the level and a paragraph", () => {
    const heading = run(stateOf([p("Title")], 1), toggleHeading(3))!;
    expect(json(heading).content[0]).toMatchObject({ type: "heading", attrs: { level: 3 } });
    const other = run(heading, toggleHeading(2))!;
    expect(json(other).content[0]).toMatchObject({ type: "heading", attrs: { level: 2 } });
    expect(json(run(other, toggleHeading(2))!).content[0]).toMatchObject({ type: "paragraph" });
  });
});

describe("inserting blocks", () => {
  it("puts the caret in the text block after a rule, adding a paragraph at the end of a section", () => {
    const state = run(stateOf([p("End")], 4), insertHorizontalRule)!;
    expect(json(state).content.map((n) => n.type)).toEqual(["paragraph", "horizontalRule", "paragraph"]);
    expect(state.selection.$from.parent.type.name).toBe("paragraph");
    expect(state.selection.$from.index(0)).toBe(2);
  });

  it("inserts a table whose first row is headers, with the caret in its first cell", () => {
    const state = run(stateOf([{ type: "paragraph" }], 1), insertTable({ rows: 2, cols: 3 }))!;
    const table = json(state).content.find((n) => n.type === "table")!;
    expect(table.content!.map((row) => row.content!.map((c) => c.type))).toEqual([
      ["tableHeader", "tableHeader", "tableHeader"],
      ["tableCell", "tableCell", "tableCell"],
    ]);
    expect(state.selection.$from.node(-1).type.name).toBe("tableHeader");
  });
});

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
    expect(isMarkActive(caretInside, "link")).toBe(true);
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
