import { createHash } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { consume, limiter } from "./store";

/** Limits per kind of request: `points` per `seconds` for one key (an IP range, a user, an address). */
export const LIMITS = {
  /** sign-ups per IP range */
  signUp: { points: 100, seconds: 3600 },
  /** password reset requests per IP range */
  passwordReset: { points: 10, seconds: 3600 },
  /** account mails (verification, reset, "someone tried to sign up") per address */
  accountMail: { points: 3, seconds: 3600 },
  /** current-password checks (password change) per user */
  passwordCheck: { points: 5, seconds: 15 * 60 },
  /** invites sent per user */
  invite: { points: 50, seconds: 3600 },
  /** Markdown imports per user */
  import: { points: 60, seconds: 3600 },
  /** image uploads per user */
  imageUpload: { points: 300, seconds: 3600 },
  /** PDF exports per user */
  pdfExport: { points: 30, seconds: 600 },
  /** Git push hooks that did not prove themselves, per IP range */
  gitHookRefused: { points: 30, seconds: 600 },
  /** verified Git push hooks per connection (a burst of pushes needs one sync anyway) */
  gitHook: { points: 120, seconds: 600 },
} as const;

export type LimitKind = keyof typeof LIMITS;

/** Keys go into a varchar(255) column: long ones (emails, pairs) are hashed. */
export function limitKey(key: string): string {
  return key.length <= 120 ? key : `h:${createHash("sha256").update(key).digest("base64url")}`;
}

function limiterFor(kind: LimitKind) {
  const { points, seconds } = LIMITS[kind];
  return limiter(`limit:${kind}`, points, seconds);
}

/**
 * Counts one `kind` request for `key` (e.g. `limit("pdfExport", ctx.actor.userId)`) and
 * throws TooManyRequests (429 with a retry time) once the key is over its limit. Shared by
 * every app process.
 */
export async function limit(kind: LimitKind, key: string): Promise<void> {
  await consume(limiterFor(kind), limitKey(key));
}

/** Like `limit`, but answers false instead of throwing: for limits a caller must not notice. */
export async function withinLimit(kind: LimitKind, key: string): Promise<boolean> {
  try {
    await limiterFor(kind).consume(limitKey(key), 1);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/** Requests one API token may make per minute: `API_TOKEN_RATE_LIMIT` (default 600). */
export function apiTokenLimit(): number {
  const configured = Number(process.env.API_TOKEN_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : 600;
}

/**
 * Counts one request made with API token `tokenId` and throws TooManyRequests (429 with a
 * retry time) past `apiTokenLimit()` a minute. Shared by every app process.
 */
export async function limitTokenUse(tokenId: string): Promise<void> {
  await consume(limiter("limit:apiToken", apiTokenLimit(), 60), limitKey(tokenId));
}
