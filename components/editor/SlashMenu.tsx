"use client";

import type { Editor } from "@tiptap/core";
import { createPortal } from "react-dom";

export interface SlashItem {
  label: string;
  run: (e: Editor) => void;
}

/** Every block "/" can insert. */
export const SLASH_ITEMS: SlashItem[] = [
  { label: "Text", run: (e) => e.chain().focus().setParagraph().run() },
  { label: "Heading", run: (e) => e.chain().focus().setHeading({ level: 3 }).run() },
  { label: "Subheading", run: (e) => e.chain().focus().setHeading({ level: 4 }).run() },
  { label: "Bullet list", run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: "Numbered list", run: (e) => e.chain().focus().toggleOrderedList().run() },
  { label: "Task list", run: (e) => e.chain().focus().toggleTaskList().run() },
  { label: "Table", run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { label: "Code block", run: (e) => e.chain().focus().setCodeBlock().run() },
  { label: "Mermaid diagram", run: (e) => e.chain().focus().insertContent({ type: "mermaid", attrs: { source: "flowchart LR\n  A --> B" } }).run() },
  { label: "Quote", run: (e) => e.chain().focus().setBlockquote().run() },
  { label: "Divider", run: (e) => e.chain().focus().setHorizontalRule().run() },
];

export function filterSlashItems(query: string): SlashItem[] {
  const q = query.toLowerCase();
  return SLASH_ITEMS.filter((i) => i.label.toLowerCase().includes(q));
}

interface Props {
  items: SlashItem[];
  active: number;
  position: { left: number; top: number };
  onPick: (item: SlashItem) => void;
}

/** The "/" menu under the caret: arrows to move, Enter to insert, Escape to close. */
export function SlashMenu({ items, active, position, onPick }: Props) {
  if (!items.length) return null;
  // on the body: a section card contains its layout and paint (content-visibility), which
  // would clip a fixed-position menu and offset it
  return createPortal(
    <ul role="listbox" aria-label="Insert block" className="fixed z-40 max-h-72 w-56 overflow-y-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200" style={{ left: position.left, top: position.top }}>
      {items.map((item, i) => (
        <li
          key={item.label}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(item);
          }}
          className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-indigo-50 text-indigo-800" : "text-slate-700"}`}
        >
          {item.label}
        </li>
      ))}
    </ul>,
    document.body,
  );
}
