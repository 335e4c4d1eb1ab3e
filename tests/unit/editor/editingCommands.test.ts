// @vitest-environment jsdom
import type { Editor } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { mentionItems } from "@/components/editor/mentionItems";
import { NEW_DIAGRAM } from "@/lib/editor/insertCommands";
import { linkHrefAt } from "@/lib/editor/link";
import type { PMNode } from "@/lib/editor/schema";
import { editorOf, json, p, type } from "./editorHarness";

// What the toolbar and the "/" and "@" menus run: tiptap's commands, and ours for our own
// nodes (lib/editor/insertCommands.ts), on a real tiptap editor built as the browser builds it.

describe("list toggles", () => {
  it("wrap a paragraph, change the kind of list in place, and lift out of the same kind", () => {
    const editor = editorOf([p("Ship it")], 2);
    editor.commands.toggleListKind("bulletList");
    expect(json(editor).content[0]).toMatchObject({ type: "bulletList", content: [{ type: "listItem" }] });
    expect(editor.isActive("bulletList")).toBe(true);

    editor.commands.toggleListKind("taskList");
    expect(json(editor).content[0]).toMatchObject({ type: "taskList", content: [{ type: "taskItem", attrs: { checked: false } }] });
    // the caret stays in the text
    expect(editor.state.selection.$from.parent.textContent).toBe("Ship it");

    editor.commands.toggleListKind("orderedList");
    expect(json(editor).content[0]).toMatchObject({ type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem" }] });

    editor.commands.toggleListKind("orderedList");
    expect(json(editor)).toEqual(normalizeDoc({ type: "doc", content: [p("Ship it")] }));
  });

  it("make a whole list another kind from any of its items, tasks unticked", () => {
    const bullets: PMNode = { type: "bulletList", content: ["one", "two", "three"].map((t) => ({ type: "listItem" as const, content: [p(t)] })) };
    const editor = editorOf([bullets], 10);
    expect(editor.state.selection.$from.parent.textContent).toBe("two");
    editor.commands.toggleListKind("taskList");
    expect(json(editor).content).toHaveLength(1);
    expect(json(editor).content[0]!.content!.map((item) => [item.type, item.attrs?.checked])).toEqual([
      ["taskItem", false],
      ["taskItem", false],
      ["taskItem", false],
    ]);
    editor.commands.toggleListKind("bulletList");
    expect(json(editor)).toEqual(normalizeDoc({ type: "doc", content: [bullets] }));
  });
});

describe("headings", () => {
  it("toggle between a heading of the level and a paragraph", () => {
    const editor = editorOf([p("Title")], 1);
    editor.commands.toggleHeading({ level: 3 });
    expect(json(editor).content[0]).toMatchObject({ type: "heading", attrs: { level: 3 } });
    editor.commands.toggleHeading({ level: 2 });
    expect(json(editor).content[0]).toMatchObject({ type: "heading", attrs: { level: 2 } });
    editor.commands.toggleHeading({ level: 2 });
    expect(json(editor).content[0]).toMatchObject({ type: "paragraph" });
  });
});

describe("inserting blocks", () => {
  it("puts the caret in the text block after a rule or a diagram, adding a paragraph at the end of a section", () => {
    const rule = editorOf([p("End")], 4);
    rule.commands.setHorizontalRule();
    expect(json(rule).content.map((n) => n.type)).toEqual(["paragraph", "horizontalRule", "paragraph"]);
    expect(rule.state.selection.$from.parent.type.name).toBe("paragraph");
    expect(rule.state.selection.$from.index(0)).toBe(2);

    const diagram = editorOf([p("End")], 4);
    diagram.commands.insertMermaid();
    expect(json(diagram).content).toEqual([p("End"), { type: "mermaid", attrs: { source: NEW_DIAGRAM } }, p("")]);
    expect(diagram.state.selection.$from.index(0)).toBe(2);
  });

  it("inserts a table whose first row is headers, with the caret in its first cell", () => {
    const editor = editorOf([p("")], 1);
    editor.commands.insertTable({ rows: 2, cols: 3 });
    const table = json(editor).content.find((n) => n.type === "table")!;
    expect(table.content!.map((row) => row.content!.map((c) => c.type))).toEqual([
      ["tableHeader", "tableHeader", "tableHeader"],
      ["tableCell", "tableCell", "tableCell"],
    ]);
    expect(editor.state.selection.$from.node(-1).type.name).toBe("tableHeader");
  });
});

describe("mentions", () => {
  it("puts the mention where the caret is, then a space to go on typing; not in code", () => {
    const editor = editorOf([p("Ask ")], 5);
    const [ada] = mentionItems([{ userId: "u-ada", name: "Ada Lovelace" }], "ada");
    expect(ada!.run(editor.chain()).run()).toBe(true);
    type(editor, "now");
    expect(editor.getJSON()).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Ask " }, { type: "mention", attrs: { id: "u-ada", label: "Ada Lovelace" } }, { type: "text", text: " now" }] }],
    });
    const code = editorOf([{ type: "codeBlock", content: [{ type: "text", text: "x" }] }], 2);
    expect(code.commands.insertMention({ id: "u-ada", label: "Ada Lovelace" })).toBe(false);
  });
});

describe("links", () => {
  const doc = [p("See the runbook today")];
  const runbook = (editor: Editor) => json(editor).content[0]!.content![1]!;

  it("link the selection to a safe address and refuse an unsafe one", () => {
    const linked = editorOf(doc, 9, 16);
    expect(linked.commands.applyLink("https://runbooks.example.com/")).toBe(true);
    expect(runbook(linked)).toEqual({ type: "text", text: "runbook", marks: [{ type: "link", attrs: { href: "https://runbooks.example.com/", target: "_blank", rel: "noopener noreferrer nofollow", class: null, title: null } }] });
    // the selection stays as it was
    expect([linked.state.selection.from, linked.state.selection.to]).toEqual([9, 16]);
    expect(editorOf(doc, 9, 16).commands.applyLink("javascript:alert(1)")).toBe(false);
  });

  it("with the caret in a link, change or remove the whole link", () => {
    const editor = editorOf(doc, 9, 16);
    editor.commands.applyLink("https://a.example/");
    editor.commands.setTextSelection(12);
    expect(linkHrefAt(editor.state)).toBe("https://a.example/");
    expect(editor.isActive("link")).toBe(true);
    editor.commands.applyLink("https://b.example/");
    expect(runbook(editor).marks![0]!.attrs!.href).toBe("https://b.example/");
    expect(editor.state.selection.empty).toBe(true);
    // at the end of the link, the form still edits it
    editor.commands.setTextSelection(16);
    expect(linkHrefAt(editor.state)).toBe("https://b.example/");
    editor.commands.applyLink("");
    expect(json(editor)).toEqual(normalizeDoc({ type: "doc", content: doc }));
    expect(linkHrefAt(editor.state)).toBe("");
  });

  it("a changed link is a plain link to the new address: a reference it was written as is left behind", () => {
    const reference: PMNode = { type: "paragraph", content: [{ type: "text", text: "docs", marks: [{ type: "link", attrs: { href: "https://old.example/", reference: "d", referenceType: "full" } }] }] };
    const editor = editorOf([reference], 2);
    editor.commands.applyLink("https://new.example/");
    expect(json(editor).content[0]!.content![0]!.marks![0]!.attrs).toEqual({ href: "https://new.example/", target: "_blank", rel: "noopener noreferrer nofollow", class: null, title: null });
  });

  it("with the caret outside any link, insert the address as linked text; remove nothing", () => {
    const editor = editorOf(doc, 5);
    expect(editor.commands.applyLink(" https://c.example/x ")).toBe(true);
    const text = json(editor).content[0]!.content!;
    expect(text.map((t) => t.text)).toEqual(["See ", "https://c.example/x", "the runbook today"]);
    expect(text[1]!.marks![0]!.attrs!.href).toBe("https://c.example/x");
    expect(editorOf(doc, 5).commands.applyLink("")).toBe(false);
    expect(editorOf(doc, 5).commands.applyLink("javascript:alert(1)")).toBe(false);
    const code = editorOf([{ type: "codeBlock", content: [{ type: "text", text: "x" }] }], 2);
    expect(code.commands.applyLink("https://c.example/")).toBe(false);
  });
});
