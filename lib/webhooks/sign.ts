import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The header that carries `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = "Specwright-Signature";
/** The event's id: the same on every retry and for every endpoint, for receivers to dedupe on. */
export const EVENT_ID_HEADER = "Specwright-Event-Id";
export const EVENT_HEADER = "Specwright-Event";

/** A new signing secret, shown to the admin once. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The signature header's value for `body` sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * Checks a signature header as a receiver should: the HMAC matches (compared in constant
 * time) and the timestamp is within `toleranceSeconds` of `now`, so a captured request
 * cannot be replayed later.
 */
export function verifySignature(secret: string, header: string, body: string, now = Date.now(), toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
