"use client";

import { isActive } from "@tiptap/core";
import type { EditorState } from "@tiptap/pm/state";
import { shortcutText } from "@/lib/editor/shortcuts";
import type { EditorCommands } from "./sectionCommands";
import type { SectionEditor } from "./sectionEditor";
import { useEditorSelector } from "./useEditorSelector";
import { useMacShortcuts } from "./usePlatformShortcuts";

interface Tool {
  label: string;
  text: string;
  /** tiptap's commands (and the section's: the link form, the image picker) */
  run: EditorCommands;
  active?: (state: EditorState) => boolean;
  /** its key binding (tiptap's extensions in lib/editor/extensions.ts, "Mod-k" in sectionCommands.ts), shown in the tooltip */
  keys?: string;
}

/** Whether the selection is in (or has) the node or mark of this name, by tiptap's `isActive`. */
const on = (name: string) => (s: EditorState) => isActive(s, name);

const TOOLS: Tool[] = [
  { label: "Bold", text: "B", run: (c) => c.toggleBold(), active: on("bold"), keys: "Mod-b" },
  { label: "Italic", text: "I", run: (c) => c.toggleItalic(), active: on("italic"), keys: "Mod-i" },
  { label: "Strikethrough", text: "S", run: (c) => c.toggleStrike(), active: on("strike"), keys: "Mod-Shift-s" },
  { label: "Inline code", text: "</>", run: (c) => c.toggleCode(), active: on("code"), keys: "Mod-e" },
  { label: "Link", text: "Link", run: (c) => c.openLinkForm(), active: on("link"), keys: "Mod-k" },
  { label: "Heading", text: "H", run: (c) => c.toggleHeading({ level: 3 }), active: on("heading"), keys: "Mod-Alt-3" },
  { label: "Bullet list", text: "•", run: (c) => c.toggleListKind("bulletList"), active: on("bulletList"), keys: "Mod-Shift-8" },
  { label: "Numbered list", text: "1.", run: (c) => c.toggleListKind("orderedList"), active: on("orderedList"), keys: "Mod-Shift-7" },
  { label: "Task list", text: "☑", run: (c) => c.toggleListKind("taskList"), active: on("taskList"), keys: "Mod-Shift-9" },
  { label: "Quote", text: "❝", run: (c) => c.toggleBlockquote(), active: on("blockquote"), keys: "Mod-Shift-b" },
  { label: "Code block", text: "{ }", run: (c) => c.toggleCodeBlock(), active: on("codeBlock"), keys: "Mod-Alt-c" },
  { label: "Insert table", text: "▦", run: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { label: "Insert Mermaid diagram", text: "Diagram", run: (c) => c.insertMermaid() },
  { label: "Insert image", text: "Image", run: (c) => c.pickImage() },
  { label: "Horizontal rule", text: "—", run: (c) => c.setHorizontalRule() },
];

/** Shown while the caret is in a table. */
const TABLE_TOOLS: Tool[] = [
  { label: "Add row below", text: "+row", run: (c) => c.addRowAfter() },
  { label: "Delete row", text: "−row", run: (c) => c.deleteRow() },
  { label: "Add column right", text: "+col", run: (c) => c.addColumnAfter() },
  { label: "Delete column", text: "−col", run: (c) => c.deleteColumn() },
  { label: "Header row", text: "H̲", run: (c) => c.toggleHeaderRow(), active: on("tableHeader") },
  { label: "Delete table", text: "✕▦", run: (c) => c.deleteTable() },
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
    (e) => (e.isFocused && isActive(e.state, "table") ? TABLE_TOOLS.map((t) => t.active?.(e.state) ?? false) : null),
    sameOrNone,
  );
  return (
    <div role="toolbar" aria-label={`Formatting for ${label}`} className="flex h-6 gap-0.5 overflow-x-auto [scrollbar-width:none]">
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
