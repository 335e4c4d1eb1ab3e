import type { DbTx } from "../db";
import { isSessionLive } from "../auth/sessions";
import { accessChangesSince, onAccessChange, type AccessChange } from "./accessEvents";

/**
 * What an open page needs to hear about an access change: its session ended (go to sign
 * in), or what it shows may have changed (render it again, which re-checks the policy).
 */
export type AccessNotice = "signedOut" | "changed";

/** Whose open page is listening: the signed-in user and the session its cookie names. */
export interface Watcher {
  userId: string;
  sessionId: string;
}

/**
 * Calls `notify` whenever an access change concerns `who`: their session was revoked, their
 * membership of a workspace changed, or a document of a workspace they belong to was
 * trashed, restored or deleted. Changes about other people are never passed on, so a
 * page learns nothing about workspaces it is not in. Returns a function that stops.
 *
 * With `since` (epoch ms: when the page was drawn), the changes this process heard from
 * then until now are weighed first, and at most one notice is sent for all of them: a
 * change made while the page was on its way to the browser is not lost.
 */
export function watchAccess(db: DbTx, who: Watcher, notify: (notice: AccessNotice) => void, since?: number): () => void {
  let stopped = false;
  const tellPage = (notice: AccessNotice | null) => {
    if (notice && !stopped) notify(notice);
  };
  // listening starts before the missed changes are read, in the same turn: none falls between
  const stop = onAccessChange((change) => {
    concerns(db, who, change)
      .then(tellPage)
      // a failed lookup is not a reason to tell the page anything; the next change asks again
      .catch(() => undefined);
  });
  if (since !== undefined) {
    const missed = accessChangesSince(since);
    if (missed.length) {
      Promise.all(missed.map((change) => concerns(db, who, change).catch(() => null)))
        .then((notices) => tellPage(notices.includes("signedOut") ? "signedOut" : notices.includes("changed") ? "changed" : null))
        .catch(() => undefined);
    }
  }
  return () => {
    stopped = true;
    stop();
  };
}

async function concerns(db: DbTx, who: Watcher, change: AccessChange): Promise<AccessNotice | null> {
  switch (change.kind) {
    case "user":
    case "session":
      if (change.userId !== who.userId) return null;
      // a password change revokes the other sessions and keeps this one
      return (await isSessionLive(db, { sub: who.userId, sid: who.sessionId })) ? null : "signedOut";
    case "membership":
      return change.userId === who.userId ? "changed" : null;
    case "document": {
      const doc = await db.document.findUnique({ where: { id: change.documentId }, select: { workspaceId: true } });
      if (!doc) return null;
      const member = await db.membership.findFirst({ where: { workspaceId: doc.workspaceId, userId: who.userId }, select: { id: true } });
      return member ? "changed" : null;
    }
  }
}
