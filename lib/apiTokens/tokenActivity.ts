import { Prisma, type DbTx } from "../db";

/** Entries shown per token, and how far back they are looked for. */
export const RECENT_PER_TOKEN = 5;
const WINDOW_DAYS = 90;

/** One entry of the activity log about a token: something done through it, or its own first use, creation or revocation. */
export interface TokenActivityDto {
  at: string;
  /** the activity kind (`document.renamed`, `apiToken.firstUsed`…) */
  kind: string;
  /** what it was about (a document's or member's id), when the entry names one */
  subjectId: string | null;
}

/** Whose log is read: a person's own (personal tokens) or a workspace's (its tokens). */
export type TokenLog = { actorId: string } | { workspaceId: string };

/**
 * The latest entries of the activity log about each token in `tokenIds` (changes made
 * through it name it as `data.viaToken`; its creation, first use and revocation have it as
 * subject), at most RECENT_PER_TOKEN each from the last WINDOW_DAYS days, newest first.
 * Reads only `log`'s entries (one indexed range). The caller has checked that the actor may
 * see these tokens.
 */
export async function recentTokenActivity(db: DbTx, log: TokenLog, tokenIds: string[]): Promise<Map<string, TokenActivityDto[]>> {
  const result = new Map<string, TokenActivityDto[]>(tokenIds.map((id) => [id, []]));
  if (!tokenIds.length) return result;
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
  // one indexed range: the person's own entries, or the workspace's
  const whose = "actorId" in log ? Prisma.sql`a."actorId" = ${log.actorId}` : Prisma.sql`a."workspaceId" = ${log.workspaceId}`;
  const rows = await db.$queryRaw<{ token: string; kind: string; subjectId: string | null; createdAt: Date }[]>`
    SELECT token, kind, "subjectId", "createdAt" FROM (
      SELECT CASE WHEN a.kind LIKE 'apiToken.%' THEN a."subjectId" ELSE a.data->>'viaToken' END AS token, a.kind, a."subjectId", a."createdAt",
             row_number() OVER (PARTITION BY CASE WHEN a.kind LIKE 'apiToken.%' THEN a."subjectId" ELSE a.data->>'viaToken' END ORDER BY a."createdAt" DESC, a.id DESC) AS n
      FROM "Activity" a
      WHERE ${whose} AND a."createdAt" > ${since}
        AND ((a.kind LIKE 'apiToken.%' AND a."subjectId" = ANY(${tokenIds}::text[])) OR (a.kind NOT LIKE 'apiToken.%' AND a.data->>'viaToken' = ANY(${tokenIds}::text[])))
    ) recent
    WHERE n <= ${RECENT_PER_TOKEN}
    ORDER BY "createdAt" DESC`;
  for (const row of rows) result.get(row.token)?.push({ at: row.createdAt.toISOString(), kind: row.kind, subjectId: row.subjectId });
  return result;
}
