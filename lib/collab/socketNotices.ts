/**
 * What the collaboration server tells one browser over its socket (Hocuspocus stateless
 * messages). Only the server sends these: clients cannot relay stateless messages to each
 * other (see server/socketGate.ts), so a notice that arrives came from the server.
 */
export type SocketNotice =
  /** the person can no longer see this document; the server closed the socket */
  | { type: "access-lost" }
  /** the person may still read but no longer edit; the server refuses their edits */
  | { type: "read-only" }
  /** the person may edit (again) */
  | { type: "writable" }
  /** the person may only suggest (a viewer assigned as a reviewer); the server refuses direct edits */
  | { type: "suggest-only" }
  /** the document is over the size limit: edits are kept locally but not stored */
  | { type: "too-large"; message: string };

const MAX_MESSAGE = 500;

/** The payload of a stateless message carrying `notice`. */
export function encodeNotice(notice: SocketNotice): string {
  return JSON.stringify(notice);
}

/** The notice in a stateless payload, or null when it is not one of ours. */
export function parseNotice(payload: string): SocketNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { type, message } = value as { type?: unknown; message?: unknown };
  if (type === "access-lost" || type === "read-only" || type === "writable" || type === "suggest-only") return { type };
  if (type === "too-large" && typeof message === "string" && message.length > 0 && message.length <= MAX_MESSAGE) return { type, message };
  return null;
}
