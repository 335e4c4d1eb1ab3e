"use client";

import { useEffect, useId, useRef, type CSSProperties } from "react";
import { createPortal } from "react-dom";
import type { EditorCommands } from "./sectionCommands";

export interface SlashItem {
  label: string;
  /** one short line under the label: what the block is for */
  description: string;
  /** tiptap's commands, run in place of the typed "/command" */
  run: EditorCommands;
}

/** Every block "/" can insert. */
export const SLASH_ITEMS: SlashItem[] = [
  { label: "Text", description: "A plain paragraph", run: (c) => c.setParagraph() },
  { label: "Heading", description: "A heading inside the section", run: (c) => c.setHeading({ level: 3 }) },
  { label: "Subheading", description: "A smaller heading under a heading", run: (c) => c.setHeading({ level: 4 }) },
  { label: "Bullet list", description: "Points in no particular order", run: (c) => c.toggleListKind("bulletList") },
  { label: "Numbered list", description: "Steps in order", run: (c) => c.toggleListKind("orderedList") },
  { label: "Task list", description: "Items to tick off", run: (c) => c.toggleListKind("taskList") },
  { label: "Table", description: "Rows and columns, with a header row", run: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { label: "Code block", description: "Code, highlighted by its language", run: (c) => c.setCodeBlock() },
  { label: "Mermaid diagram", description: "A flowchart or sequence drawn from text", run: (c) => c.insertMermaid() },
  { label: "Image", description: "Upload a picture from your computer", run: (c) => c.pickImage() },
  { label: "Quote", description: "Text quoted from elsewhere", run: (c) => c.setBlockquote() },
  { label: "Divider", description: "A line between parts", run: (c) => c.setHorizontalRule() },
];

export function filterSlashItems(query: string): SlashItem[] {
  const q = query.toLowerCase();
  return SLASH_ITEMS.filter((i) => i.label.toLowerCase().includes(q));
}

interface Props {
  items: SlashItem[];
  /** what the menu is for ("Insert block", "Mention someone") */
  label: string;
  active: number;
  position: { left: number; top: number; above: number };
  onPick: (item: SlashItem) => void;
  /** a key pressed while the menu itself has the focus (true: it was the menu's) */
  onKey: (key: string) => boolean;
}

/** The tallest the menu gets, and the least room below the caret before it opens above instead. */
const MAX_HEIGHT = 320;
const MIN_ROOM = 200;

/** Under the caret, or above it when the window has no room below; never past the window's edge. */
function placement(position: Props["position"]): CSSProperties {
  const below = window.innerHeight - position.top - 8;
  if (below >= MIN_ROOM || below >= position.above - 8) return { left: position.left, top: position.top, maxHeight: Math.min(MAX_HEIGHT, below) };
  return { left: position.left, bottom: window.innerHeight - position.above, maxHeight: Math.min(MAX_HEIGHT, position.above - 8) };
}

/** The "/" (or "@") menu under the caret: arrows to move, Enter to insert, Escape to close. */
export function SlashMenu({ items, label, active, position, onPick, onKey }: Props) {
  const id = useId();
  const list = useRef<HTMLUListElement>(null);
  // the arrows move the choice from the text: the list scrolls to keep it in sight
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }, [active, items]);
  if (!items.length) return null;
  // on the body: a section card contains its layout and paint (content-visibility), which
  // would clip a fixed-position menu and offset it
  return createPortal(
    // the keys work from the text; the menu can also be reached with Tab (it scrolls) and answers the same keys
    <ul
      ref={list}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      onKeyDown={(e) => {
        if (onKey(e.key)) e.preventDefault();
      }}
      className="fixed z-40 w-64 overflow-y-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400"
      style={placement(position)}
    >
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
