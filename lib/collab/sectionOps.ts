import * as Y from "yjs";
import { ORDER, SECTIONS, sectionOrder } from "./ydocLayout";

/** Moves a section up or down one place; returns false at either end. */
export function moveSection(ydoc: Y.Doc, key: string, by: -1 | 1): boolean {
  const keys = sectionOrder(ydoc);
  const from = keys.indexOf(key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= keys.length) return false;
  // moving up goes before the neighbour; moving down goes before the one after it
  return placeSection(ydoc, key, by < 0 ? keys[to]! : (keys[to + 1] ?? null));
}

/**
 * Moves a section to just before `beforeKey`, or to the end when it is null (a drop
 * in the outline or on a card). Returns false when nothing moves.
 */
export function placeSection(ydoc: Y.Doc, key: string, beforeKey: string | null): boolean {
  const keys = sectionOrder(ydoc);
  if (!keys.includes(key) || key === beforeKey || (beforeKey !== null && !keys.includes(beforeKey))) return false;
  const next = keys[keys.indexOf(key) + 1] ?? null;
  if (next === beforeKey) return false;
  const order = ydoc.getArray<string>(ORDER);
  ydoc.transact(() => {
    // every copy: two people moving the same section at once can leave it listed twice
    const raw = order.toArray();
    for (let i = raw.length - 1; i >= 0; i--) if (raw[i] === key) order.delete(i, 1);
    order.insert(beforeKey === null ? order.length : order.toArray().indexOf(beforeKey), [key]);
  });
  return true;
}

/** Renames a section. */
export function renameSection(ydoc: Y.Doc, key: string, title: string): void {
  ydoc.getMap<Y.Map<string | number>>(SECTIONS).get(key)?.set("title", title);
}

/**
 * Removes a section from the document. Its content stays in the Y.Doc until the next
 * compaction, so `restoreSection` can put it back (undo).
 */
export function removeSection(ydoc: Y.Doc, key: string): number {
  const order = ydoc.getArray<string>(ORDER);
  const index = order.toArray().indexOf(key);
  if (index >= 0) order.delete(index, 1);
  return index;
}

/** Puts a removed section back at its place. */
export function restoreSection(ydoc: Y.Doc, key: string, index: number): void {
  const order = ydoc.getArray<string>(ORDER);
  if (!order.toArray().includes(key)) order.insert(Math.min(Math.max(index, 0), order.length), [key]);
}
