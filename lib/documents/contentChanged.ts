import type { DbTx } from "../db";
import { notifyNewMentions } from "../notifications/mentions";
import { markStaleApprovals } from "../review/staleness";
import { suggestionTurnover } from "../suggestions/open";
import { closeSettledDiscussions } from "../suggestions/settledDiscussions";
import { recordContentChange, type ContentChange } from "../versions/autoVersions";
import { queueSuggestionEvents } from "../webhooks/suggestionEvents";

/**
 * What follows when a document's stored content changed. The store calls this once, in
 * its transaction, after the Section rows hold the new content; everything a content
 * change sets off is listed here and nowhere else:
 * 1. versions: the change is noted for automatic versions (`recordContentChange`: the
 *    first version, a version after an idle pause, or one after continuous editing);
 * 2. approvals whose scope changed become stale, their reviewers are notified, and the
 *    document's status steps back when one did, with a status version
 *    (`markStaleApprovals`);
 * 3. people the text mentions for the first time are notified (`notifyNewMentions`);
 * 4. the discussion threads of suggestions it accepted or rejected are closed
 *    (`closeSettledDiscussions`);
 * 5. webhooks subscribed to suggestions are told which appeared and which were settled
 *    (`queueSuggestionEvents`; staleness and status steps queue their own events in 2).
 * Search reads the Section rows' plain text, so it needs no step of its own.
 */
export async function contentChanged(tx: DbTx, change: ContentChange): Promise<void> {
  await recordContentChange(tx, change);
  await markStaleApprovals(tx, change.documentId, change.after);
  await notifyNewMentions(tx, change);
  // steps 4 and 5 read the same suggestions: each side's bodies walked once per store
  const turnover = suggestionTurnover(change.before, change.after);
  await closeSettledDiscussions(tx, change, turnover);
  await queueSuggestionEvents(tx, change, turnover);
}
