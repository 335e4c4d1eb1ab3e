"use client";

import type { Editor } from "@tiptap/core";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, toggleHeader } from "@tiptap/pm/tables";
import { useEditorSelector } from "./useEditorSelector";

interface Tool {
  label: string;
  text: string;
  run: (e: Editor) => void;
  active?: (e: Editor) => boolean;
}

const TOOLS: Tool[] = [
  { label: "Bold", text: "B", run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive("bold") },
  { label: "Italic", text: "I", run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive("italic") },
  { label: "Strikethrough", text: "S", run: (e) => e.chain().focus().toggleStrike().run(), active: (e) => e.isActive("strike") },
  { label: "Inline code", text: "</>", run: (e) => e.chain().focus().toggleCode().run(), active: (e) => e.isActive("code") },
  { label: "Heading", text: "H", run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive("heading") },
  { label: "Bullet list", text: "•", run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive("bulletList") },
  { label: "Numbered list", text: "#", run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive("orderedList") },
  { label: "Task list", text: "☑", run: (e) => e.chain().focus().toggleTaskList().run(), active: (e) => e.isActive("taskList") },
  { label: "Quote", text: "❝", run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive("blockquote") },
  { label: "Code block", text: "{ }", run: (e) => e.chain().focus().toggleCodeBlock().run(), active: (e) => e.isActive("codeBlock") },
  { label: "Insert table", text: "▦", run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { label: "Insert Mermaid diagram", text: "◇", run: (e) => e.chain().focus().insertContent({ type: "mermaid", attrs: { source: "flowchart LR\n  A --> B" } }).run() },
  { label: "Horizontal rule", text: "—", run: (e) => e.chain().focus().setHorizontalRule().run() },
];

function sameStates(a: boolean[], b: boolean[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A prosemirror-tables command run on the editor, which keeps the focus. */
function table(command: (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean): (e: Editor) => void {
  return (e) => {
    e.view.focus();
    command(e.state, e.view.dispatch);
  };
}

/** Shown while the caret is in a table. */
const TABLE_TOOLS: Tool[] = [
  { label: "Add row below", text: "+row", run: table(addRowAfter) },
  { label: "Delete row", text: "−row", run: table(deleteRow) },
  { label: "Add column right", text: "+col", run: table(addColumnAfter) },
  { label: "Delete column", text: "−col", run: table(deleteColumn) },
  { label: "Header row", text: "H̲", run: table(toggleHeader("row")), active: (e) => e.isActive("tableHeader") },
  { label: "Delete table", text: "✕▦", run: table(deleteTable) },
];

const NONE_ACTIVE = TOOLS.map(() => false);

/**
 * Formatting buttons for a section (and table tools while the caret is in a table); active states come from one editor-state selector,
 * worked out only while the section has the focus (a page holds dozens of editors).
 */
export function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const active = useEditorSelector(editor, (e) => (e.isFocused ? TOOLS.map((t) => t.active?.(e) ?? false) : NONE_ACTIVE), sameStates);
  const table = useEditorSelector(editor, (e) => (e.isFocused && e.isActive("table") ? TABLE_TOOLS.map((t) => t.active?.(e) ?? false) : null), sameOrNone);
  return (
    <div role="toolbar" aria-label={`Formatting for ${label}`} className="flex flex-wrap gap-0.5 border-b border-slate-200 pb-1">
      <Buttons tools={TOOLS} active={active} editor={editor} />
      {table ? (
        <span role="group" aria-label="Table" className="ml-1 flex gap-0.5 border-l border-slate-200 pl-1">
          <Buttons tools={TABLE_TOOLS} active={table} editor={editor} />
        </span>
      ) : null}
    </div>
  );
}

function sameOrNone(a: boolean[] | null, b: boolean[] | null): boolean {
  return a === b || (!!a && !!b && sameStates(a, b));
}

function Buttons({ tools, active, editor }: { tools: Tool[]; active: boolean[]; editor: Editor }) {
  return (
    <>
      {tools.map((tool, i) => (
        <button
          key={tool.label}
          type="button"
          aria-label={tool.label}
          title={tool.label}
          aria-pressed={tool.active ? active[i] : undefined}
          onMouseDown={(ev) => ev.preventDefault()}
          onClick={() => tool.run(editor)}
          className={`min-w-8 rounded px-1.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 ${active[i] ? "bg-indigo-100 text-indigo-800" : ""}`}
        >
          <span aria-hidden="true">{tool.text}</span>
        </button>
      ))}
    </>
  );
}
