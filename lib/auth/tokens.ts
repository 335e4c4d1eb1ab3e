import { randomBytes } from "node:crypto";
import type { Prisma } from "../db";
import type { DbTx } from "../db";
import { hashToken } from "../util/hash";

/** What a mailed one-time link is for. */
export type TokenKind = "verify_email" | "reset_password" | "signup";

/** Issues a one-time token of `kind` valid for `ttlMs`; returns the token for the link (stored only hashed). */
export async function issueToken(
  db: DbTx,
  input: { kind: TokenKind; email: string; userId?: string; data?: Prisma.InputJsonValue; ttlMs: number },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // the address's expired links are of no use any more
  await db.authToken.deleteMany({ where: { email: input.email, expiresAt: { lt: new Date() } } });
  await db.authToken.create({
    data: { kind: input.kind, email: input.email, userId: input.userId, data: input.data, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + input.ttlMs) },
  });
  return token;
}

/**
 * Uses up a token of `kind`: returns its row when it exists, is unused and unexpired, and
 * marks it used in the same statement (two clicks cannot both use it). Null otherwise.
 */
export async function useToken(db: DbTx, kind: TokenKind, token: string) {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const { count } = await db.authToken.updateMany({ where: { tokenHash, kind, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
  return count === 1 ? db.authToken.findUnique({ where: { tokenHash } }) : null;
}
