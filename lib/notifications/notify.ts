import type { DbTx } from "../db";

export interface NotificationInput {
  userIds: string[];
  /** who caused it: never notified about their own action */
  actorId: string | null;
  workspaceId: string;
  documentId?: string;
  kind: "review.requested" | "review.decided" | "review.stale" | "document.status" | "mention";
  text: string;
  url: string;
}

/** Adds an inbox entry for each user (once each, never the actor), in the caller's transaction. */
export async function notify(db: DbTx, input: NotificationInput): Promise<void> {
  const userIds = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (!userIds.length) return;
  await db.notification.createMany({
    data: userIds.map((userId) => ({ userId, workspaceId: input.workspaceId, documentId: input.documentId ?? null, kind: input.kind, text: input.text, url: input.url })),
  });
}
