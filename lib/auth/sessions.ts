import type { DbTx } from "../db";

/** The claims of a session cookie that tie it to a signed-in session. */
export interface SessionClaims {
  /** the user id */
  sub?: string;
  /** the session id, when the cookie names one */
  sid?: unknown;
}

/** How long a session lasts without being used; the cookie's own lifetime is the same. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;
/** `lastSeenAt` is written at most this often per session. */
const TOUCH_EVERY_MS = 60_000;

export interface LiveSession {
  id: string;
  userId: string;
  lastSeenAt: Date;
  user: { id: string; email: string; name: string };
}

/**
 * The session row behind a cookie's claims when it is live: it exists, belongs to the
 * cookie's user, is not revoked and was used within the session lifetime. A cookie without
 * `sid` (issued before sessions were recorded) is never live: its holder signs in again.
 */
export async function findLiveSession(db: DbTx, claims: SessionClaims): Promise<LiveSession | null> {
  if (typeof claims.sub !== "string" || typeof claims.sid !== "string" || !claims.sid) return null;
  const row = await db.userSession.findUnique({ where: { id: claims.sid }, include: { user: { select: { id: true, email: true, name: true } } } });
  if (!row || row.userId !== claims.sub || row.revokedAt) return null;
  if (row.lastSeenAt.getTime() < Date.now() - SESSION_MAX_AGE_SECONDS * 1000) return null;
  return row;
}

/**
 * Whether a session cookie's session is still live (not signed out, not revoked by "sign
 * out everywhere" or a password change). Asked on every request and by the collaboration
 * server on connect and whenever access changes.
 */
export async function isSessionLive(db: DbTx, claims: SessionClaims): Promise<boolean> {
  return (await findLiveSession(db, claims)) !== null;
}

/** Records a new signed-in session and returns its id (the cookie's `sid`). */
export async function startSession(db: DbTx, input: { userId: string; userAgent?: string | null; ip?: string | null }): Promise<string> {
  // sessions ended or unused for a whole session lifetime are forgotten
  const longAgo = new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000);
  await db.userSession.deleteMany({ where: { userId: input.userId, OR: [{ revokedAt: { lt: longAgo } }, { lastSeenAt: { lt: longAgo } }] } });
  const row = await db.userSession.create({
    data: { userId: input.userId, userAgent: (input.userAgent ?? "").slice(0, 500), ip: (input.ip ?? "").slice(0, 100) },
  });
  return row.id;
}

/** Notes that a session was used now; writes at most once a minute per session. */
export async function touchSession(db: DbTx, session: { id: string; lastSeenAt: Date }, ip?: string | null): Promise<void> {
  if (Date.now() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
  await db.userSession.updateMany({
    where: { id: session.id, revokedAt: null, lastSeenAt: { lt: new Date(Date.now() - TOUCH_EVERY_MS) } },
    data: { lastSeenAt: new Date(), ...(ip ? { ip: ip.slice(0, 100) } : {}) },
  });
}
