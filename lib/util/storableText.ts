/**
 * PostgreSQL refuses NUL in text and jsonb, and a lone UTF-16 surrogate has no UTF-8 form:
 * text with either cannot be stored. The HTTP edge refuses it with 400 before any handler
 * runs, and use cases check again before their first write, so a bad value can never
 * follow a change that was already stored.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `text` without what PostgreSQL refuses (for repairing stored content, never for new input). */
export function withoutUnstorable(text: string): string {
  return text.replace(new RegExp(UNSTORABLE.source, "g"), "");
}

/** True when PostgreSQL can store `text` as it is. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

export const UNSTORABLE_MESSAGE = "contains characters that cannot be stored (NUL or a broken surrogate pair)";

/** The edge's answer to such input. */
export const UNSTORABLE_TEXT = "The text contains a character that cannot be stored (a NUL byte or an unpaired surrogate). Remove it and try again.";

/**
 * The path (`fields.0.value`, or `_` for the value itself) of the first string in a parsed
 * JSON value, keys included, that cannot be stored; undefined when every string can.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string | undefined {
  const here = () => path.join(".") || "_";
  if (typeof value === "string") return isStorableText(value) ? undefined : here();
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return here();
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
