// How a text or long-text field's shared text (Y.Text) reads. An empty Y.Text reads as null,
// unless it was made from an empty string: then it carries the attribute `empty: "string"`
// and reads as "", so converting a document's fields changes nothing in its projection or
// its content hash (see textFields.ts).

/** The attribute an empty Y.Text made from "" carries. */
export const EMPTY_ATTRIBUTE = "empty";

export interface TextLike {
  length: number;
  insert(index: number, text: string): void;
  delete(index: number, length: number): void;
  toString(): string;
  getAttribute?(name: string): unknown;
  setAttribute?(name: string, value: unknown): void;
  removeAttribute?(name: string): void;
}

/** Duck-typed, so a Y.Text made by another copy of yjs (Next's server bundle) counts too. */
export function isTextLike(value: unknown): value is TextLike {
  const v = value as Partial<TextLike> | null;
  return !!v && typeof v === "object" && typeof v.insert === "function" && typeof v.delete === "function" && typeof v.length === "number" && !Array.isArray(v);
}

/** Shared text as the projection reads it: its string; empty → "" if made from "", else null. */
export function sharedTextValue(text: TextLike): string | null {
  const value = text.toString();
  if (value) return value;
  return text.getAttribute?.(EMPTY_ATTRIBUTE) === "string" ? "" : null;
}

/** Marks shared text as standing for "" (true) or null (false) while it is empty. */
export function markEmptyAsString(text: TextLike, asString: boolean): void {
  const marked = text.getAttribute?.(EMPTY_ATTRIBUTE) === "string";
  if (asString && !marked) text.setAttribute?.(EMPTY_ATTRIBUTE, "string");
  if (!asString && marked) text.removeAttribute?.(EMPTY_ATTRIBUTE);
}
