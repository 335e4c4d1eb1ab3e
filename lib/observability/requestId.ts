import { randomUUID } from "node:crypto";

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Keeps a caller's `x-request-id` when it looks safe to log, otherwise makes a new one. */
export function resolveRequestId(incoming: string | string[] | undefined | null): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/**
 * Set by the app server from the socket address (or, with TRUST_PROXY=1, the first
 * X-Forwarded-For entry) and overwritten on every request, so clients cannot forge it.
 */
export const CLIENT_IP_HEADER = "x-specwright-client-ip";
