import type { Db, DbTx } from "../db";
import { hashToken } from "../util/hash";
import { bearerCredential } from "./bearer";
import { looksLikeToken } from "./secret";

/** Calls kept per token, newest first; older ones are dropped as new ones come. */
export const CALLS_KEPT = 200;
/** Calls shown per token in the lists. */
export const CALLS_SHOWN = 5;

/** One request made with a token, as its owner or a workspace admin sees it. */
export interface TokenCallDto {
  at: string;
  method: string;
  /** the route's pattern, e.g. `/api/documents/:id` */
  route: string;
  status: number;
}

export interface AnsweredCall {
  /** the request's `Authorization` header */
  authorization: string;
  method: string;
  route: string;
  status: number;
  requestId: string;
}

/**
 * Records a request answered for the token its Bearer header carries, whatever the answer
 * (a revoked or expired token's 401 too, so its owner sees it is still in use somewhere);
 * nothing for a header naming no token of ours. Keeps the latest CALLS_KEPT per token.
 * Called once the answer is sent, off the request's path.
 */
export async function recordTokenCall(db: Db, call: AnsweredCall): Promise<boolean> {
  const secret = bearerCredential(call.authorization);
  if (!looksLikeToken(secret)) return false;
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashToken(secret) }, select: { id: true } });
  if (!token) return false;
  await db.$transaction([
    db.apiTokenCall.create({ data: { tokenId: token.id, method: call.method.slice(0, 10), route: call.route.slice(0, 200), status: call.status, requestId: call.requestId.slice(0, 100) } }),
    db.$executeRaw`DELETE FROM "ApiTokenCall" WHERE "tokenId" = ${token.id} AND id IN (
      SELECT id FROM "ApiTokenCall" WHERE "tokenId" = ${token.id} ORDER BY "at" DESC, id DESC OFFSET ${CALLS_KEPT})`,
  ]);
  return true;
}

/** The latest CALLS_SHOWN calls of each token in `tokenIds`, newest first. The caller has checked that the actor may see these tokens. */
export async function recentTokenCalls(db: DbTx, tokenIds: string[]): Promise<Map<string, TokenCallDto[]>> {
  const result = new Map<string, TokenCallDto[]>(tokenIds.map((id) => [id, []]));
  if (!tokenIds.length) return result;
  const rows = await db.$queryRaw<{ tokenId: string; at: Date; method: string; route: string; status: number }[]>`
    SELECT c."tokenId", c.at, c.method, c.route, c.status
    FROM unnest(${tokenIds}::text[]) AS t(id)
    CROSS JOIN LATERAL (
      SELECT "tokenId", at, method, route, status FROM "ApiTokenCall" WHERE "tokenId" = t.id ORDER BY at DESC, id DESC LIMIT ${CALLS_SHOWN}
    ) c
    ORDER BY c.at DESC`;
  for (const row of rows) result.get(row.tokenId)?.push({ at: row.at.toISOString(), method: row.method, route: row.route, status: row.status });
  return result;
}
