import { EventEmitter } from "node:events";
import { z } from "zod";

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

/** An access change as it arrives from another process: checked before anyone acts on it. */
export const accessChangeSchema: z.ZodType<AccessChange> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("membership"), workspaceId: z.string().min(1), userId: z.string().min(1) }),
  z.object({ kind: z.literal("document"), documentId: z.string().min(1) }),
  z.object({ kind: z.literal("user"), userId: z.string().min(1) }),
  z.object({ kind: z.literal("session"), userId: z.string().min(1), sessionId: z.string().min(1) }),
]);

type Listener = (change: AccessChange) => void;

/** Passes a change on to the other processes of a cluster (see server/collabCluster.ts). */
type Relay = (change: AccessChange) => void;

// on globalThis: Next's server bundle and the collaboration server load separate copies
// of this module in one process, and must share one channel
const globalForAccess = globalThis as unknown as { specwrightAccessEvents?: EventEmitter; specwrightAccessRelay?: Relay };

function channel(): EventEmitter {
  globalForAccess.specwrightAccessEvents ??= new EventEmitter().setMaxListeners(0);
  return globalForAccess.specwrightAccessEvents;
}

/**
 * Tells every listener that access changed: in this process, and in every other process
 * of the cluster when one is configured (REDIS_URL). Call after the change committed.
 */
export function publishAccessChange(change: AccessChange): void {
  channel().emit("change", change);
  globalForAccess.specwrightAccessRelay?.(change);
}

/** A change published by another process: told to this process's listeners only. */
export function receiveAccessChange(change: AccessChange): void {
  channel().emit("change", change);
}

/** Installed by the cluster link, so published changes also reach the other processes. */
export function setAccessRelay(relay: Relay | undefined): void {
  globalForAccess.specwrightAccessRelay = relay;
}

/** Listens for access changes; returns a function that stops listening. */
export function onAccessChange(listener: Listener): () => void {
  channel().on("change", listener);
  return () => channel().off("change", listener);
}
