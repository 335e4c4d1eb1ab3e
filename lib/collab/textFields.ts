import * as Y from "yjs";
import type { FieldValue } from "../templates/instantiate";
import type { FieldDef } from "../templates/schema";
import { fieldsName, SECTIONS } from "./ydoc";

// Text and long-text field values are shared text (Y.Text) in the Y.Doc, so two people
// typing into one field merge like the body does (issue 14). Other field types stay
// plain values: a select or a date is replaced whole. An empty Y.Text reads as null, so
// converting a document changes nothing in its projection or its content hash.

/** Field types whose value is shared text. */
export const SHARED_TEXT_TYPES: ReadonlySet<FieldDef["type"]> = new Set(["text", "longText"]);

interface TextLike {
  length: number;
  insert(index: number, text: string): void;
  delete(index: number, length: number): void;
  toString(): string;
}

/** Duck-typed, so a Y.Text made by another copy of yjs (Next's server bundle) counts too. */
function isTextLike(value: unknown): value is TextLike {
  const v = value as Partial<TextLike> | null;
  return !!v && typeof v === "object" && typeof v.insert === "function" && typeof v.delete === "function" && typeof v.length === "number" && !Array.isArray(v);
}

/** A field value as the projection reads it: shared text as its string (empty → null). */
export function fieldValueOf(value: unknown): FieldValue | undefined {
  if (isTextLike(value)) return value.toString() || null;
  if (value === null || typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  return undefined;
}

/**
 * Changes shared text from `before` to `after` with the smallest edit (common prefix and
 * suffix kept), so a concurrent edit elsewhere in the text survives.
 */
export function editText(text: TextLike, after: string): void {
  const before = text.toString();
  if (before === after) return;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  if (before.length - start - end > 0) text.delete(start, before.length - start - end);
  if (after.length - start - end > 0) text.insert(start, after.slice(start, after.length - end));
}

/**
 * Sets a field value the way the field holds it: shared text is edited in place (so it
 * merges with whoever types at the same time), other values are replaced.
 */
export function setFieldValue(fields: Y.Map<unknown>, key: string, value: FieldValue): void {
  const current = fields.get(key);
  if (isTextLike(current) && (typeof value === "string" || value === null)) editText(current, value ?? "");
  else fields.set(key, value);
}

/**
 * Turns the text and long-text values of every section that are still plain strings or
 * null into shared text with the same content (call inside a transaction, with the
 * yjs copy the document was made with). Returns whether anything changed.
 */
export function shareTextFields(ydoc: Y.Doc, fieldDefs: (sectionKey: string) => FieldDef[] | undefined): boolean {
  let changed = false;
  for (const key of ydoc.getMap(SECTIONS).keys()) {
    const defs = fieldDefs(key);
    if (!defs) continue;
    const fields = ydoc.getMap<unknown>(fieldsName(key));
    for (const def of defs) {
      const value = fields.get(def.key);
      // absent and "" stay as they are: converting them would change the projection (a cleared
      // long text was stored as ""); the editor makes them shared text when someone types
      if (!SHARED_TEXT_TYPES.has(def.type) || !(value === null || (typeof value === "string" && value !== ""))) continue;
      fields.set(def.key, new Y.Text(value ?? ""));
      changed = true;
    }
  }
  return changed;
}
