import { publishAccessChange } from "../access/accessEvents";
import type { Ctx } from "../context";
import type { Db } from "../db";
import { NotFound } from "../errors";

/**
 * Revokes one session of a user (signing out). Publishes a `session` access change after it
 * committed so open sockets of that session close. Returns whether a live session was revoked.
 */
export async function revokeSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count > 0) publishAccessChange({ kind: "session", userId, sessionId });
  return count > 0;
}

/**
 * Revokes every live session of a user except `keepSessionId` (sign out everywhere else,
 * password change or reset). Publishes a `user` access change after it committed; listeners
 * re-check each socket's own session, so the kept one stays open. Returns how many ended.
 */
export async function revokeOtherSessions(db: Db, userId: string, keepSessionId?: string): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  publishAccessChange({ kind: "user", userId });
  return count;
}

/** Signs the actor's own session `sessionId` out (from the sessions list). NotFound for anyone else's. */
export async function signOutSession(ctx: Ctx & { db: Db }, input: { sessionId: string }): Promise<void> {
  if (!(await revokeSession(ctx.db, ctx.actor.userId, input.sessionId))) throw new NotFound("Session");
}
