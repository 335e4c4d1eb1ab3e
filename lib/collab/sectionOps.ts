import * as Y from "yjs";
import { ORDER, SECTIONS, sectionOrder } from "./ydoc";

/** Moves a section up or down one place; returns false at either end. */
export function moveSection(ydoc: Y.Doc, key: string, by: -1 | 1): boolean {
  const keys = sectionOrder(ydoc);
  const from = keys.indexOf(key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= keys.length) return false;
  const order = ydoc.getArray<string>(ORDER);
  ydoc.transact(() => {
    const raw = order.toArray();
    const index = raw.indexOf(key);
    order.delete(index, 1);
    // the neighbour's index before the delete puts the key just after it (moving down)
    // or just before it (moving up)
    order.insert(Math.min(raw.indexOf(keys[to]!), order.length), [key]);
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
