/**
 * PostgreSQL refuses NUL in text and jsonb, and a lone UTF-16 surrogate has no UTF-8 form:
 * text with either cannot be stored. Use cases refuse it before their first write, so a
 * bad value can never follow a change that was already stored.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store `text` as it is. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

export const UNSTORABLE_MESSAGE = "contains characters that cannot be stored (NUL or a broken surrogate pair)";
