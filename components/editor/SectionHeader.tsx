"use client";

import { useState } from "react";
import type * as Y from "yjs";
import { moveSection, renameSection } from "@/lib/collab/sectionOps";
import { sectionTitleSize } from "../documents/sectionTitle";
import { ON_HOVER } from "./onHover";
import { SectionMenu } from "./SectionMenu";

interface Props {
  ydoc: Y.Doc;
  sectionKey: string;
  title: string;
  depth: number;
  editable: boolean;
  first: boolean;
  last: boolean;
  /** drag props for the handle; absent when the reader cannot reorder */
  dragHandle?: { draggable: boolean; onDragStart: (e: React.DragEvent) => void };
  onDelete: () => void;
}

/** A section's title (renamed in place), its drag handle and its menu of actions. */
export function SectionHeader({ ydoc, sectionKey, title, depth, editable, first, last, dragHandle, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const Heading = depth === 1 ? "h2" : depth === 2 ? "h3" : "h4";
  const size = sectionTitleSize(depth);
  return (
    <div className="flex items-start gap-2">
      {dragHandle && !editing ? (
        <span
          {...dragHandle}
          role="img"
          aria-label={`Drag to reorder ${title}`}
          title="Drag to reorder (or Alt+↑/↓)"
          className={`sw-drag-handle ${ON_HOVER}`}
        >
          ⠿
        </span>
      ) : null}
      {editing ? (
        <input
          autoFocus
          aria-label={`Rename ${title}`}
          defaultValue={title}
          className={`flex-1 rounded-md border-0 px-1 font-semibold ring-2 ring-indigo-500 ${size}`}
          onBlur={(e) => {
            if (e.target.value.trim()) renameSection(ydoc, sectionKey, e.target.value.trim());
            setEditing(false);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") e.currentTarget.blur();
            if (e.key === "Escape") setEditing(false);
          }}
        />
      ) : (
        <Heading id={`title-${sectionKey}`} className={`flex-1 font-semibold ${size}`}>
          {title || <span className="font-normal italic text-slate-500">Untitled: exported with no heading</span>}
        </Heading>
      )}
      {editable && !editing ? (
        <SectionMenu title={title} first={first} last={last} onRename={() => setEditing(true)} onMove={(by) => moveSection(ydoc, sectionKey, by)} onDelete={onDelete} />
      ) : null}
    </div>
  );
}
