/**
 * PostgreSQL text cannot hold NUL, and UTF-8 cannot encode a lone surrogate: a string with
 * either fails deep inside a write, after other writes may have happened. The edge refuses
 * such input before anything runs.
 */

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT = "The text contains a character that cannot be stored (a NUL byte or an unpaired surrogate). Remove it and try again.";

/** Whether a string holds a NUL byte or an unpaired UTF-16 surrogate. */
export function isUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * The path (`fields.0.value`, or `_` for the value itself) of the first string in a parsed
 * JSON value, keys included, that cannot be stored; undefined when every string can.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string | undefined {
  const here = () => path.join(".") || "_";
  if (typeof value === "string") return isUnstorable(value) ? here() : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (isUnstorable(key)) return here();
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
