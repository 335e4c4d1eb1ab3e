"use client";

import type { Command } from "prosemirror-state";
import { setBlockType, wrapIn } from "prosemirror-commands";
import { insertHorizontalRule, insertMermaid, setParagraph, toggleBulletList, toggleOrderedList, toggleTaskList } from "@/lib/editor/commands";
import { documentSchema } from "@/lib/editor/pmSchema";
import { insertTable } from "@/lib/editor/table";
import { useId } from "react";
import { createPortal } from "react-dom";
import { pickImage } from "./imageUpload";

export interface SlashItem {
  label: string;
  /** one short line under the label: what the block is for */
  description: string;
  run: Command;
}

const { nodes } = documentSchema;

/** Every block "/" can insert. */
export const SLASH_ITEMS: SlashItem[] = [
  { label: "Text", description: "A plain paragraph", run: setParagraph },
  { label: "Heading", description: "A heading inside the section", run: setBlockType(nodes.heading!, { level: 3 }) },
  { label: "Subheading", description: "A smaller heading under a heading", run: setBlockType(nodes.heading!, { level: 4 }) },
  { label: "Bullet list", description: "Points in no particular order", run: toggleBulletList },
  { label: "Numbered list", description: "Steps in order", run: toggleOrderedList },
  { label: "Task list", description: "Items to tick off", run: toggleTaskList },
  { label: "Table", description: "Rows and columns, with a header row", run: insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { label: "Code block", description: "Code, highlighted by its language", run: setBlockType(nodes.codeBlock!) },
  { label: "Mermaid diagram", description: "A flowchart or sequence drawn from text", run: insertMermaid },
  { label: "Image", description: "Upload a picture from your computer", run: pickImage },
  { label: "Quote", description: "Text quoted from elsewhere", run: wrapIn(nodes.blockquote!) },
  { label: "Divider", description: "A line between parts", run: insertHorizontalRule },
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
  const id = useId();
  if (!items.length) return null;
  // on the body: a section card contains its layout and paint (content-visibility), which
  // would clip a fixed-position menu and offset it
  return createPortal(
    <ul role="listbox" aria-label="Insert block" className="fixed z-40 max-h-80 w-64 overflow-y-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200" style={{ left: position.left, top: position.top }}>
      {items.map((item, i) => (
        <li
          key={item.label}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(item);
          }}
          aria-label={item.label}
          aria-describedby={`${id}-${i}`}
          className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-indigo-50 text-indigo-800" : "text-slate-700"}`}
        >
          <span className="block font-medium">{item.label}</span>
          <span id={`${id}-${i}`} className={`block text-xs ${i === active ? "text-indigo-700" : "text-slate-500"}`}>{item.description}</span>
        </li>
      ))}
    </ul>,
    document.body,
  );
}
