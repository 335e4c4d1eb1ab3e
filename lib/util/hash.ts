import { createHash } from "node:crypto";
import { canonicalJson } from "./canonicalJson";

export { canonicalJson };

/** sha256 of a secret token, hex: what is stored, so a leaked table row opens nothing. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** sha256 of the canonical JSON of a value, hex. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
