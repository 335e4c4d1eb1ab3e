import { tokenMayUseMethod } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Actor } from "../context";
import type { Db } from "../db";
import { Forbidden, Unauthenticated } from "../errors";
import { limitTokenUse } from "../limits/limit";
import { hashToken } from "../util/hash";
import { bearerCredential } from "./bearer";
import { looksLikeToken } from "./secret";

/** `lastUsedAt` is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The actor a Bearer `Authorization` header names: the owner of a live API token, carrying
 * the token's grant (scope, workspace) for the policy. Throws Unauthenticated (401) saying
 * why for anything else — no credential, an unknown, revoked or expired token, or a
 * workspace token whose maker is no longer a member — and changes nothing then. What a live
 * token may do is decided per call by the policy, with its maker's current role. A live token's request counts against its rate limit
 * (TooManyRequests), a read token may only read (Forbidden), and the token's first and
 * last use are noted (the first use also in the activity log).
 */
export async function authenticateBearer(db: Db, authorization: string, method: string): Promise<Actor> {
  const secret = bearerCredential(authorization);
  if (!secret) throw new Unauthenticated("Send an API token as `Authorization: Bearer swt_…`.");
  if (!looksLikeToken(secret)) throw new Unauthenticated("This API token is not valid.");
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(secret) }, include: { user: true } });
  if (!row) throw new Unauthenticated("This API token is not valid.");
  if (row.revokedAt) throw new Unauthenticated("This API token was revoked. Create a new one in Settings.");
  if (row.expiresAt.getTime() <= Date.now()) throw new Unauthenticated(`This API token expired on ${row.expiresAt.toISOString()}. Create a new one in Settings.`);
  // a workspace token acts as the person who made it, with their role at the time of each call: once they have left, it is nobody's
  if (row.workspaceId && !(await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: row.userId } }, select: { id: true } }))) {
    throw new Unauthenticated(`This workspace token acted as ${row.user.name}, who is no longer a member of the workspace. An admin can create a new one.`);
  }
  const actor: Actor = {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    token: { tokenId: row.id, scope: row.scope, workspaceId: row.workspaceId },
  };
  await limitTokenUse(row.id);
  if (!tokenMayUseMethod(actor, method)) throw new Forbidden("This API token may only read: its scope is read.");
  await noteUse(db, row.id, row.workspaceId, actor);
  return actor;
}

/** Notes the token's use: its first use (with an activity entry) and, at most once a minute, its last. */
async function noteUse(db: Db, tokenId: string, workspaceId: string | null, actor: Actor): Promise<void> {
  const now = new Date();
  await db.$transaction(async (tx) => {
    const first = await tx.apiToken.updateMany({ where: { id: tokenId, firstUsedAt: null }, data: { firstUsedAt: now, lastUsedAt: now } });
    if (first.count) {
      await recordActivity({ actor, db: tx }, { workspaceId, kind: "apiToken.firstUsed", subjectId: tokenId });
      return;
    }
    await tx.apiToken.updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  });
}
