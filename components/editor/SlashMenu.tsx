"use client";

import type { Command } from "prosemirror-state";
import { setBlockType, wrapIn } from "prosemirror-commands";
import { insertHorizontalRule, insertMermaid, setParagraph, toggleBulletList, toggleOrderedList, toggleTaskList } from "@/lib/editor/commands";
import { documentSchema } from "@/lib/editor/pmSchema";
import { insertTable } from "@/lib/editor/table";
import { createPortal } from "react-dom";
import { pickImage } from "./imageUpload";

export interface SlashItem {
  label: string;
  run: Command;
}

/** Every block "/" can insert. */
const { nodes } = documentSchema;

/** Every block "/" can insert. */
export const SLASH_ITEMS: SlashItem[] = [
  { label: "Text", run: setParagraph },
  { label: "Heading", run: setBlockType(nodes.heading!, { level: 3 }) },
  { label: "Subheading", run: setBlockType(nodes.heading!, { level: 4 }) },
  { label: "Bullet list", run: toggleBulletList },
  { label: "Numbered list", run: toggleOrderedList },
  { label: "Task list", run: toggleTaskList },
  { label: "Table", run: insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { label: "Code block", run: setBlockType(nodes.codeBlock!) },
  { label: "Mermaid diagram", run: insertMermaid },
  { label: "Image", run: pickImage },
  { label: "Quote", run: wrapIn(nodes.blockquote!) },
  { label: "Divider", run: insertHorizontalRule },
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
