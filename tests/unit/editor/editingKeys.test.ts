// @vitest-environment jsdom
import { CellSelection } from "@tiptap/pm/tables";
import { describe, expect, it } from "vitest";
import type { NodeType, PMNode } from "@/lib/editor/schema";
import { caretBlock, editorOf, json, p, press, type } from "./editorHarness";

// The keys people edit a section with, on a real tiptap editor built from the same extensions
// as the browser's: tiptap's own where it has them, ours (lib/editor/editing.ts) where not.

const code = (text: string): PMNode => ({ type: "codeBlock", content: [{ type: "text", text }] });
const list = (type: NodeType, item: NodeType, ...texts: string[]): PMNode => ({ type, content: texts.map((t) => ({ type: item, content: [p(t)] })) });

describe("code blocks", () => {
  it("Enter on the third empty line at the end of a code block leaves it without the empty lines", () => {
    const editor = editorOf([code("x = 1\n\n")], 8);
    expect(press(editor, "Enter")).toBe(true);
    expect(json(editor).content).toEqual([{ type: "codeBlock", attrs: { language: null }, content: [{ type: "text", text: "x = 1" }] }, { type: "paragraph" }]);
    expect(caretBlock(editor)).toBe("paragraph");
    // not at the end, or without two empty lines: Enter is a new line in the code
    const inside = editorOf([code("x = 1\n\n")], 3);
    press(inside, "Enter");
    expect(json(inside).content[0]!.content).toEqual([{ type: "text", text: "x \n= 1\n\n" }]);
  });

  it("Arrow down at the end of a code block that ends the section adds a paragraph after it", () => {
    const editor = editorOf([p("a"), code("y")], 5);
    expect(press(editor, "ArrowDown")).toBe(true);
    expect(json(editor).content.map((n) => n.type)).toEqual(["paragraph", "codeBlock", "paragraph"]);
    expect(caretBlock(editor)).toBe("paragraph");
  });

  it("Backspace at the start of a code block makes it a paragraph, wherever it is", () => {
    const editor = editorOf([p("a"), code("let x;")], 4);
    press(editor, "Backspace");
    expect(json(editor).content).toEqual([p("a"), p("let x;")]);
  });

  it("Mod-Enter leaves a code block", () => {
    const editor = editorOf([code("z")], 2);
    press(editor, "Mod-Enter");
    expect(json(editor).content.map((n) => n.type)).toEqual(["codeBlock", "paragraph"]);
  });

  it("a fence and Enter starts a code block of the language typed", () => {
    const editor = editorOf([p("")], 1);
    type(editor, "```ts\nconst a = 1;");
    expect(json(editor).content[0]).toEqual({ type: "codeBlock", attrs: { language: "ts" }, content: [{ type: "text", text: "const a = 1;" }] });
  });
});

describe("lists", () => {
  it("Enter in a task starts a new one, unticked", () => {
    const tasks: PMNode = { type: "taskList", content: [{ type: "taskItem", attrs: { checked: true }, content: [p("done")] }] };
    const editor = editorOf([tasks], 7);
    press(editor, "Enter");
    type(editor, "next");
    expect(json(editor).content[0]!.content!.map((item) => [item.attrs?.checked, item.content![0]!.content?.[0]?.text])).toEqual([
      [true, "done"],
      [false, "next"],
    ]);
  });

  it("Enter splits an item; Enter in an empty last item leaves the list", () => {
    const editor = editorOf([list("bulletList", "listItem", "one")], 6);
    press(editor, "Enter");
    expect(json(editor).content[0]!.content).toHaveLength(2);
    press(editor, "Enter");
    expect(json(editor).content.map((n) => n.type)).toEqual(["bulletList", "paragraph"]);
    expect(json(editor).content[0]!.content).toHaveLength(1);
  });

  it("Tab indents an item under the one above and Shift+Tab brings it back, in lists and task lists", () => {
    for (const [kind, item] of [
      ["bulletList", "listItem"],
      ["taskList", "taskItem"],
    ] as const) {
      const editor = editorOf([list(kind, item, "one", "two")], 10);
      expect(caretBlock(editor)).toBe("paragraph");
      expect(press(editor, "Tab")).toBe(true);
      const nested = json(editor).content[0]!;
      expect(nested.content).toHaveLength(1);
      expect(nested.content![0]!.content!.map((n) => n.type)).toEqual(["paragraph", kind]);
      expect(press(editor, "Shift-Tab")).toBe(true);
      expect(json(editor).content[0]!.content).toHaveLength(2);
    }
  });

  it("Backspace in an empty item takes it out of the list; in a nested list, one level out", () => {
    const editor = editorOf([{ type: "bulletList", content: [{ type: "listItem", content: [p("")] }, { type: "listItem", content: [p("next")] }] }], 3);
    press(editor, "Backspace");
    expect(json(editor).content.map((n) => n.type)).toEqual(["paragraph", "bulletList"]);

    const nested: PMNode = { type: "bulletList", content: [{ type: "listItem", content: [p("a"), { type: "bulletList", content: [{ type: "listItem", content: [p("")] }] }] }] };
    const inner = editorOf([nested], 8);
    expect(caretBlock(inner)).toBe("paragraph");
    press(inner, "Backspace");
    expect(json(inner).content[0]!.content!.map((item) => item.content!.map((n) => n.type))).toEqual([["paragraph"], ["paragraph"]]);
  });

  it("Markdown typed at the start of a line makes lists, and Backspace right after gives the characters back", () => {
    const editor = editorOf([p("")], 1);
    type(editor, "- ");
    expect(json(editor).content[0]!.type).toBe("bulletList");
    press(editor, "Backspace");
    expect(json(editor).content).toEqual([p("- ")]);
    const numbered = editorOf([p("")], 1);
    type(numbered, "1. first\nsecond");
    expect(json(numbered).content[0]!.content).toHaveLength(2);
    const tasks = editorOf([p("")], 1);
    type(tasks, "- one\n[x] two");
    expect(json(tasks).content[0]!.type).toBe("taskList");
    expect(json(tasks).content[0]!.content!.map((item) => item.attrs?.checked)).toEqual([false, true]);
  });
});

describe("shortcuts", () => {
  // every binding the toolbar names, and the rest people know
  const marks: [string, string][] = [
    ["Mod-b", "bold"],
    ["Mod-i", "italic"],
    ["Mod-Shift-s", "strike"],
    ["Mod-e", "code"],
  ];
  it.each(marks)("%s toggles %s on the selection", (keys, mark) => {
    const editor = editorOf([p("word")], 1, 5);
    expect(press(editor, keys)).toBe(true);
    expect(editor.isActive(mark)).toBe(true);
    press(editor, keys);
    expect(editor.isActive(mark)).toBe(false);
  });

  const blocks: [string, string, Record<string, unknown>?][] = [
    ["Mod-Alt-1", "heading", { level: 1 }],
    ["Mod-Alt-2", "heading", { level: 2 }],
    ["Mod-Alt-3", "heading", { level: 3 }],
    ["Mod-Alt-4", "heading", { level: 4 }],
    ["Mod-Alt-c", "codeBlock"],
    ["Mod-Shift-8", "bulletList"],
    ["Mod-Shift-7", "orderedList"],
    ["Mod-Shift-9", "taskList"],
    ["Mod-Shift-b", "blockquote"],
  ];
  it.each(blocks)("%s makes the block a %s", (keys, name, attrs) => {
    const editor = editorOf([p("text")], 2);
    expect(press(editor, keys)).toBe(true);
    expect(editor.isActive(name, attrs)).toBe(true);
  });

  it("Mod-Alt-0 makes a heading a paragraph again; Shift+Enter breaks the line", () => {
    const editor = editorOf([{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] }], 3);
    press(editor, "Mod-Alt-0");
    expect(caretBlock(editor)).toBe("paragraph");
    press(editor, "Shift-Enter");
    expect(json(editor).content[0]!.content!.map((n) => n.type)).toEqual(["text", "hardBreak", "text"]);
  });

  it("Mod-a selects the whole section and Delete empties it", () => {
    const editor = editorOf([p("one"), p("two")], 2);
    press(editor, "Mod-a");
    press(editor, "Delete");
    expect(json(editor).content).toEqual([p("")]);
  });
});

describe("tables", () => {
  const cell = (type: NodeType, text: string): PMNode => ({ type, content: [p(text)] });
  const table: PMNode = {
    type: "table",
    content: [
      { type: "tableRow", content: [cell("tableHeader", "a"), cell("tableHeader", "b")] },
      { type: "tableRow", content: [cell("tableCell", "c"), cell("tableCell", "d")] },
    ],
  };
  const cellText = (editor: ReturnType<typeof editorOf>) => editor.state.selection.$from.parent.textContent;

  it("Tab goes to the next cell and Shift+Tab back; Tab in the last cell adds a row and goes to it", () => {
    const editor = editorOf([table], 4);
    expect(cellText(editor)).toBe("a");
    press(editor, "Tab");
    expect(cellText(editor)).toBe("b");
    press(editor, "Tab");
    press(editor, "Tab");
    expect(cellText(editor)).toBe("d");
    press(editor, "Shift-Tab");
    expect(cellText(editor)).toBe("c");
    press(editor, "Tab");
    expect(press(editor, "Tab")).toBe(true);
    const rows = json(editor).content[0]!.content!;
    expect(rows).toHaveLength(3);
    expect(editor.state.selection.$from.node(-2)).toBe(editor.state.doc.child(0).child(2));
  });

  it("Tab in a list inside a cell still goes to the next cell", () => {
    const withList: PMNode = { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [list("bulletList", "listItem", "x", "y")] }, cell("tableCell", "next")] }] };
    const editor = editorOf([withList], 12);
    expect(cellText(editor)).toBe("y");
    press(editor, "Tab");
    expect(cellText(editor)).toBe("next");
  });

  it("Backspace with every cell selected removes the table", () => {
    const editor = editorOf([p("before"), table], 12);
    expect(cellText(editor)).toBe("a");
    const cells: number[] = [];
    editor.state.doc.descendants((node, pos) => {
      if (node.type.spec.tableRole === "cell" || node.type.spec.tableRole === "header_cell") cells.push(pos);
    });
    editor.commands.command(({ tr }) => {
      tr.setSelection(CellSelection.create(tr.doc, cells[0]!, cells[cells.length - 1]!));
      return true;
    });
    expect(editor.state.selection).toBeInstanceOf(CellSelection);
    press(editor, "Backspace");
    expect(json(editor).content.map((n) => n.type)).toEqual(["paragraph"]);
  });
});

describe("Ctrl+Home and Ctrl+End", () => {
  const table: PMNode = {
    type: "table",
    content: [
      { type: "tableRow", content: ["h1", "h2"].map((t) => ({ type: "tableHeader" as const, content: [p(t)] })) },
      { type: "tableRow", content: ["c1", "last"].map((t) => ({ type: "tableCell" as const, content: [p(t)] })) },
    ],
  };

  it("go to the very end of a section ending in a table (the last cell's end), and to its very start", () => {
    const editor = editorOf([p("intro"), table], 3);
    expect(press(editor, "Mod-End")).toBe(true);
    const { $from, empty } = editor.state.selection;
    expect(empty).toBe(true);
    expect($from.parent.textContent).toBe("last");
    expect($from.parentOffset).toBe(4);
    expect($from.pos).toBe(editor.state.doc.content.size - 4);
    type(editor, "!");
    expect(json(editor).content[1]!.content![1]!.content![1]!.content![0]!.content![0]!.text).toBe("last!");

    expect(press(editor, "Mod-Home")).toBe(true);
    expect(editor.state.selection.from).toBe(1);
    expect(editor.state.selection.$from.parent.textContent).toBe("intro");
  });

  it("with Shift, select from the caret to the end or the start", () => {
    const editor = editorOf([p("intro"), table], 3);
    press(editor, "Shift-Mod-End");
    expect(editor.state.selection.anchor).toBe(3);
    expect(editor.state.selection.head).toBe(editor.state.doc.content.size - 4);
    press(editor, "Shift-Mod-Home");
    expect([editor.state.selection.anchor, editor.state.selection.head]).toEqual([3, 1]);
  });

  it("go to the end of a section ending in a paragraph", () => {
    const editor = editorOf([table, p("outro")], 4);
    press(editor, "Mod-End");
    expect(editor.state.selection.$from.parent.textContent).toBe("outro");
    expect(editor.state.selection.$from.parentOffset).toBe(5);
  });
});
