"use client";

import type { Command, EditorState } from "prosemirror-state";
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, toggleHeader } from "prosemirror-tables";
import {
  insertHorizontalRule,
  insertMermaid,
  isMarkActive,
  isNodeActive,
  toggleBlockquote,
  toggleBold,
  toggleBulletList,
  toggleCode,
  toggleCodeBlock,
  toggleHeading,
  toggleItalic,
  toggleOrderedList,
  toggleStrike,
  toggleTaskList,
} from "@/lib/editor/commands";
import { shortcutText } from "@/lib/editor/shortcuts";
import { insertTable } from "@/lib/editor/table";
import { pickImage } from "./imageUpload";
import { openLinkForm } from "./linkCommand";
import type { SectionEditor } from "./sectionEditor";
import { useEditorSelector } from "./useEditorSelector";
import { useMacShortcuts } from "./usePlatformShortcuts";

interface Tool {
  label: string;
  text: string;
  run: Command;
  active?: (state: EditorState) => boolean;
  /** its key binding (tiptap's extensions in lib/editor/extensions.ts, "Mod-k" in sectionEditor.ts), shown in the tooltip */
  keys?: string;
}

const mark = (name: string) => (s: EditorState) => isMarkActive(s, name);
const node = (name: string) => (s: EditorState) => isNodeActive(s, name);

const TOOLS: Tool[] = [
  { label: "Bold", text: "B", run: toggleBold, active: mark("bold"), keys: "Mod-b" },
  { label: "Italic", text: "I", run: toggleItalic, active: mark("italic"), keys: "Mod-i" },
  { label: "Strikethrough", text: "S", run: toggleStrike, active: mark("strike"), keys: "Mod-Shift-s" },
  { label: "Inline code", text: "</>", run: toggleCode, active: mark("code"), keys: "Mod-e" },
  { label: "Link", text: "Link", run: openLinkForm, active: mark("link"), keys: "Mod-k" },
  { label: "Heading", text: "H", run: toggleHeading(3), active: node("heading"), keys: "Mod-Alt-3" },
  { label: "Bullet list", text: "•", run: toggleBulletList, active: node("bulletList"), keys: "Mod-Shift-8" },
  { label: "Numbered list", text: "1.", run: toggleOrderedList, active: node("orderedList"), keys: "Mod-Shift-7" },
  { label: "Task list", text: "☑", run: toggleTaskList, active: node("taskList"), keys: "Mod-Shift-9" },
  { label: "Quote", text: "❝", run: toggleBlockquote, active: node("blockquote"), keys: "Mod-Shift-b" },
  { label: "Code block", text: "{ }", run: toggleCodeBlock, active: node("codeBlock"), keys: "Mod-Alt-c" },
  { label: "Insert table", text: "▦", run: insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { label: "Insert Mermaid diagram", text: "Diagram", run: insertMermaid },
  { label: "Insert image", text: "Image", run: pickImage },
  { label: "Horizontal rule", text: "—", run: insertHorizontalRule },
];

/** Shown while the caret is in a table. */
const TABLE_TOOLS: Tool[] = [
  { label: "Add row below", text: "+row", run: addRowAfter },
  { label: "Delete row", text: "−row", run: deleteRow },
  { label: "Add column right", text: "+col", run: addColumnAfter },
  { label: "Delete column", text: "−col", run: deleteColumn },
  { label: "Header row", text: "H̲", run: toggleHeader("row"), active: node("tableHeader") },
  { label: "Delete table", text: "✕▦", run: deleteTable },
];

const NONE_ACTIVE = TOOLS.map(() => false);

function sameStates(a: boolean[], b: boolean[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Formatting buttons for a section (and table tools while the caret is in a table); active states come from one editor-state selector,
 * worked out only while the section has the focus (a page holds dozens of editors).
 */
export function Toolbar({ editor, label }: { editor: SectionEditor; label: string }) {
  const active = useEditorSelector(editor, (e) => (e.isFocused ? TOOLS.map((t) => t.active?.(e.state) ?? false) : NONE_ACTIVE), sameStates);
  const table = useEditorSelector(
    editor,
    (e) => (e.isFocused && isNodeActive(e.state, "table") ? TABLE_TOOLS.map((t) => t.active?.(e.state) ?? false) : null),
    sameOrNone,
  );
  return (
    <div role="toolbar" aria-label={`Formatting for ${label}`} className="flex gap-0.5 overflow-x-auto border-b border-slate-200 pb-1 [scrollbar-width:none]">
      <Buttons tools={TOOLS} active={active} editor={editor} />
      {table ? (
        <span role="group" aria-label="Table" className="ml-1 flex shrink-0 gap-0.5 border-l border-slate-200 pl-1">
          <Buttons tools={TABLE_TOOLS} active={table} editor={editor} />
        </span>
      ) : null}
    </div>
  );
}

function sameOrNone(a: boolean[] | null, b: boolean[] | null): boolean {
  return a === b || (!!a && !!b && sameStates(a, b));
}

function Buttons({ tools, active, editor }: { tools: Tool[]; active: boolean[]; editor: SectionEditor }) {
  const mac = useMacShortcuts();
  return (
    <>
      {tools.map((tool, i) => {
        const shortcut = tool.keys ? shortcutText(tool.keys, mac) : null;
        return (
          <button
            key={tool.label}
            type="button"
            aria-label={tool.label}
            aria-keyshortcuts={shortcut?.aria}
            title={shortcut ? `${tool.label} (${shortcut.label})` : tool.label}
            aria-pressed={tool.active ? active[i] : undefined}
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={() => editor.run(tool.run)}
            className={`min-w-8 shrink-0 rounded px-1.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 ${active[i] ? "bg-indigo-100 text-indigo-800" : ""}`}
          >
            <span aria-hidden="true">{tool.text}</span>
          </button>
        );
      })}
    </>
  );
}
