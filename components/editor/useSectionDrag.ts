"use client";

import { useState, type DragEvent } from "react";
import type * as Y from "yjs";
import { placeSection } from "@/lib/collab/sectionOps";

/** The drag payload: only our own section drags are accepted as drops. */
export const SECTION_DRAG_TYPE = "application/x-specwright-section";

export type DropSide = "before" | "after";

/** Props for whatever starts a section drag (a card's handle, an outline entry). */
export function dragSource(sectionKey: string) {
  return {
    draggable: true,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.setData(SECTION_DRAG_TYPE, sectionKey);
      e.dataTransfer.effectAllowed = "move";
    },
  };
}

/**
 * Makes an element a drop target for sections: a drop on its upper half places the dragged
 * section before `sectionKey`, on its lower half before `nextKey` (null: at the end).
 * `side` drives the insertion line while a drag hovers.
 */
export function useSectionDrop(ydoc: Y.Doc | undefined, sectionKey: string, nextKey: string | null, enabled: boolean) {
  const [side, setSide] = useState<DropSide | null>(null);
  const sideOf = (e: DragEvent): DropSide => {
    const box = e.currentTarget.getBoundingClientRect();
    return e.clientY < box.top + box.height / 2 ? "before" : "after";
  };
  const accepts = (e: DragEvent) => enabled && ydoc !== undefined && e.dataTransfer.types.includes(SECTION_DRAG_TYPE);
  if (!enabled) return { side: null, handlers: {} };
  return {
    side,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        const next = sideOf(e);
        if (next !== side) setSide(next);
      },
      onDragLeave: (e: DragEvent) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setSide(null);
      },
      onDrop: (e: DragEvent) => {
        setSide(null);
        if (!accepts(e) || !ydoc) return;
        e.preventDefault();
        const dragged = e.dataTransfer.getData(SECTION_DRAG_TYPE);
        placeSection(ydoc, dragged, sideOf(e) === "before" ? sectionKey : nextKey);
      },
    },
  };
}
