import type { DbTx } from "../db";
import type { SuggestionTurnover } from "../suggestions/open";
import type { ContentChange } from "../versions/autoVersions";
import { queueWebhookEvent } from "./queue";

/**
 * After a store: `suggestion.created` for each suggestion open now and not before it,
 * `suggestion.resolved` for each one open before and gone now, with `outcome` "accepted" or
 * "rejected" as the section's text tells (lib/suggestions/outcome.ts; null when it cannot:
 * a change of format only, or other edits in the same store). Runs in the store's
 * transaction; costs no query when no suggestion appeared or went.
 */
export async function queueSuggestionEvents(tx: DbTx, change: ContentChange, { made, settled: resolved }: SuggestionTurnover): Promise<void> {
  if (!made.length && !resolved.length) return;
  const doc = await tx.document.findUnique({ where: { id: change.documentId }, select: { workspaceId: true } });
  if (!doc) return;
  const authorId = change.authorIds.length === 1 ? change.authorIds[0]! : null;
  const author = authorId ? await tx.user.findUnique({ where: { id: authorId }, select: { id: true, name: true } }) : null;
  const base = { workspaceId: doc.workspaceId, documentId: change.documentId, actor: author };
  for (const s of made) {
    await queueWebhookEvent(tx, { ...base, type: "suggestion.created", data: { suggestionId: s.id, section: s.sectionKey, inserted: s.inserted.slice(0, 500), deleted: s.deleted.slice(0, 500), changesFormat: s.changesFormat } });
  }
  for (const s of resolved) {
    await queueWebhookEvent(tx, { ...base, type: "suggestion.resolved", data: { suggestionId: s.id, section: s.sectionKey, suggestedBy: s.authorId, outcome: s.outcome } });
  }
}
