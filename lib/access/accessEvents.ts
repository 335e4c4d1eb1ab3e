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

/**
 * How long this process remembers the changes it heard. A page learns of changes through a
 * stream it opens after it was drawn; the changes made in between are replayed from here.
 */
export const RECENT_CHANGES_MS = 120_000;
/** Bounds the memory: a burst of changes beyond this keeps only the newest. */
const RECENT_CHANGES_MAX = 2_000;

interface Heard {
  at: number;
  change: AccessChange;
}

/** Passes a change on to the other processes of a cluster (see server/collabCluster.ts). */
type Relay = (change: AccessChange) => void;

// on globalThis: Next's server bundle and the collaboration server load separate copies
// of this module in one process, and must share one channel
const globalForAccess = globalThis as unknown as { specwrightAccessEvents?: EventEmitter; specwrightAccessRelay?: Relay; specwrightAccessRecent?: Heard[] };

function channel(): EventEmitter {
  globalForAccess.specwrightAccessEvents ??= new EventEmitter().setMaxListeners(0);
  return globalForAccess.specwrightAccessEvents;
}

function recent(): Heard[] {
  globalForAccess.specwrightAccessRecent ??= [];
  return globalForAccess.specwrightAccessRecent;
}

function tell(change: AccessChange): void {
  const log = recent();
  const now = Date.now();
  log.push({ at: now, change });
  let expired = 0;
  while (expired < log.length && (log[expired]!.at < now - RECENT_CHANGES_MS || log.length - expired > RECENT_CHANGES_MAX)) expired++;
  if (expired) log.splice(0, expired);
  channel().emit("change", change);
}

/** The changes this process heard at or after `since` (epoch ms), oldest first. */
export function accessChangesSince(since: number): AccessChange[] {
  return recent()
    .filter((heard) => heard.at >= since)
    .map((heard) => heard.change);
}

/**
 * Tells every listener that access changed: in this process, and in every other process
 * of the cluster when one is configured (REDIS_URL). Call after the change committed.
 */
export function publishAccessChange(change: AccessChange): void {
  tell(change);
  globalForAccess.specwrightAccessRelay?.(change);
}

/** A change published by another process: told to this process's listeners only. */
export function receiveAccessChange(change: AccessChange): void {
  tell(change);
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
