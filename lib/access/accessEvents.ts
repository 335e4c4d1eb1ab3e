import { EventEmitter } from "node:events";

/**
 * Something that may change what a person can reach. Published by the use case that made
 * the change, after it committed; the collaboration server listens and re-checks the
 * sockets it concerns (closing them, or making them read-only) at once.
 */
export type AccessChange =
  /** a member was removed from a workspace, or their role changed */
  | { kind: "membership"; workspaceId: string; userId: string }
  /** a document was trashed, restored or deleted */
  | { kind: "document"; documentId: string }
  /** a user's sessions were revoked (sign out everywhere, password reset or change) */
  | { kind: "user"; userId: string }
  /** one session was revoked (signing out) */
  | { kind: "session"; userId: string; sessionId: string };

type Listener = (change: AccessChange) => void;

// on globalThis: Next's server bundle and the collaboration server load separate copies
// of this module in one process, and must share one channel
const globalForAccess = globalThis as unknown as { specwrightAccessEvents?: EventEmitter };

function channel(): EventEmitter {
  globalForAccess.specwrightAccessEvents ??= new EventEmitter().setMaxListeners(0);
  return globalForAccess.specwrightAccessEvents;
}

/** Tells every listener in this process that access changed. Call after the change committed. */
export function publishAccessChange(change: AccessChange): void {
  channel().emit("change", change);
}

/** Listens for access changes; returns a function that stops listening. */
export function onAccessChange(listener: Listener): () => void {
  channel().on("change", listener);
  return () => channel().off("change", listener);
}
