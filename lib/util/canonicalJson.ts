import { configure } from "safe-stable-stringify";

const stable = configure({ deterministic: true, bigint: false, circularValue: Error });

/** JSON with object keys sorted, so equal values give equal text (jsonb reorders keys). No Node APIs: it runs in the browser too. */
export function canonicalJson(value: unknown): string {
  return stable(value) ?? "null";
}
