import * as Y from "yjs";
import type { FieldValue } from "../templates/instantiate";
import type { FieldDef } from "../templates/schema";
import { isTextLike, markEmptyAsString, sharedTextValue, type TextLike } from "./sharedText";
import { fieldsName, SECTIONS } from "./ydocLayout";

// Text and long-text field values are shared text (Y.Text) in the Y.Doc, so two people
// typing into one field merge like the body does. Other field types stay plain values: a
// select or a date is replaced whole. Converting a document changes nothing in its
// projection or its content hash (see sharedText.ts for how empty text reads).

/** Field types whose value is shared text. */
export const SHARED_TEXT_TYPES: ReadonlySet<FieldDef["type"]> = new Set(["text", "longText"]);


/** A field value as the projection reads it: shared text as its string (empty → null). */
export function fieldValueOf(value: unknown): FieldValue | undefined {
  if (isTextLike(value)) return sharedTextValue(value);
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
  if (isTextLike(current) && (typeof value === "string" || value === null)) {
    editText(current, value ?? "");
    markEmptyAsString(current, value === "");
  } else fields.set(key, value);
}

/**
 * Turns the text and long-text values of every section that are still plain strings or
 * null into shared text that reads the same, in one transaction made only when there is
 * something to turn (use the yjs copy the document was made with). Converted on the server
 * before anyone types, so two people's first keystrokes land in one shared text. Returns
 * whether anything changed.
 */
export function shareTextFields(ydoc: Y.Doc, fieldDefs: (sectionKey: string) => FieldDef[] | undefined): boolean {
  const unshared = unsharedTextFields(ydoc, fieldDefs);
  if (!unshared.length) return false;
  ydoc.transact(() => {
    for (const { fields, key, value } of unshared) {
      const text = new Y.Text(value ?? "");
      fields.set(key, text);
      if (value === "") markEmptyAsString(text, true);
    }
  });
  return true;
}

/** The text and long-text values still held as plain strings or null (read only: nearly every change finds none). */
function unsharedTextFields(ydoc: Y.Doc, fieldDefs: (sectionKey: string) => FieldDef[] | undefined): { fields: Y.Map<unknown>; key: string; value: string | null }[] {
  const out: { fields: Y.Map<unknown>; key: string; value: string | null }[] = [];
  for (const section of ydoc.getMap(SECTIONS).keys()) {
    const defs = fieldDefs(section);
    if (!defs) continue;
    const fields = ydoc.getMap<unknown>(fieldsName(section));
    for (const def of defs) {
      const value = fields.get(def.key);
      // an absent value stays absent (the projection leaves it out); the editor makes it
      // shared text when someone types
      if (SHARED_TEXT_TYPES.has(def.type) && (value === null || typeof value === "string")) out.push({ fields, key: def.key, value });
    }
  }
  return out;
}
