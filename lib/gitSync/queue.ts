import type { DbTx } from "../db";
import { inScope } from "./scope";

/**
 * Asks every connection that keeps the document (its scope covers it, or it already
 * has the document's file) to commit it, authored by `authorId`: one GitSyncRequest row each,
 * in the caller's transaction, so the commit is made only if the change it records is.
 * A paused connection keeps its rows until it is resumed. Nothing touches Git from here (see
 * `runDue.ts`). Returns the rows made.
 */
export async function queueGitCommit(db: DbTx, input: { documentId: string; authorId: string | null; reason: string }, now = new Date()): Promise<number> {
  const doc = await db.document.findUniqueOrThrow({ where: { id: input.documentId }, select: { workspaceId: true, metadata: true, template: { select: { key: true } } } });
  const connections = await db.gitConnection.findMany({
    where: { workspaceId: doc.workspaceId },
    select: { id: true, scope: true, scopeValue: true, files: { where: { documentId: input.documentId }, select: { id: true } } },
  });
  const chosen = connections.filter((c) => c.files.length || inScope(c, doc));
  if (!chosen.length) return 0;
  await db.gitSyncRequest.createMany({ data: chosen.map((c) => ({ connectionId: c.id, documentId: input.documentId, authorId: input.authorId, reason: input.reason })) });
  await db.gitConnection.updateMany({ where: { id: { in: chosen.map((c) => c.id) } }, data: { nextSyncAt: now } });
  return chosen.length;
}
