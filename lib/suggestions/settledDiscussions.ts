import type { DbTx } from "../db";
import type { ContentChange } from "../versions/autoVersions";
import type { SuggestionTurnover } from "./open";

/**
 * Closes the discussion threads of suggestions this change accepted or rejected: a thread
 * started on a suggestion that was open before the change and is gone after it. A thread
 * whose suggestion was never stored stays open (nothing says it was settled). The person
 * who settled it is the change's author when there is one; the activity log says why.
 */
export async function closeSettledDiscussions(tx: DbTx, change: ContentChange, turnover: SuggestionTurnover): Promise<void> {
  const settled = turnover.settled.map((s) => s.id);
  if (!settled.length) return;
  const threads = await tx.commentThread.findMany({
    where: { documentId: change.documentId, resolvedAt: null, suggestionId: { in: settled } },
    select: { id: true, document: { select: { workspaceId: true } } },
  });
  if (!threads.length) return;
  const resolvedById = change.authorIds.length === 1 ? change.authorIds[0]! : null;
  const now = change.now ?? new Date();
  await tx.commentThread.updateMany({ where: { id: { in: threads.map((t) => t.id) } }, data: { resolvedAt: now, resolvedById } });
  await tx.activity.createMany({
    data: threads.map((t) => ({ workspaceId: t.document.workspaceId, actorId: resolvedById, kind: "comment.resolved", subjectId: change.documentId, data: { thread: t.id, why: "suggestion settled" } })),
  });
}
