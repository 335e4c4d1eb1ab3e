import type { DbTx } from "../db";
import type { HashableSection } from "../documents/contentHash";
import { notify } from "../notifications/notify";
import { templateAtVersion } from "../templates/templates";
import { versionCurrent } from "../versions/autoVersions";
import { STATUS_LABELS } from "../documents/status";
import { signoffRolesOf } from "./roles";
import { systemTransition } from "./stateMachine";
import { scopeHash } from "./scope";
import { statusEvents } from "../webhooks/events";
import { queueWebhookEvent } from "../webhooks/queue";

/**
 * After content changed: every current decision whose covered content no longer has the
 * hash it was given on becomes stale, and the state machine's `contentChanged` step runs
 * (an Approved document falls back to In Review).
 * Scoped roles only go stale when their own sections change. Runs in the transaction
 * that stores the content.
 */
export async function markStaleApprovals(db: DbTx, documentId: string, sections: HashableSection[]): Promise<number> {
  // on every store that changed content: one SQL query, not a query-builder call compiled on the event loop
  const current = await db.$queryRaw<{ id: string; roleKey: string; reviewerId: string; decision: string; contentHash: string }[]>`
    SELECT "id", "roleKey", "reviewerId", "decision"::text AS "decision", "contentHash" FROM "Approval" WHERE "documentId" = ${documentId} AND NOT "stale"`;
  if (!current.length) return 0;
  const doc = await db.document.findUniqueOrThrow({ where: { id: documentId } });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: doc.workspaceId } });
  const def = await templateAtVersion(db, doc.templateId, doc.templateVersion);
  const roles = signoffRolesOf(doc, def);
  const now = new Date();
  let staled = 0;
  for (const approval of current) {
    const role = roles.find((r) => r.key === approval.roleKey);
    if (!role || scopeHash(role, sections) === approval.contentHash) continue;
    await db.approval.update({ where: { id: approval.id }, data: { stale: true, staleAt: now } });
    await db.activity.create({
      data: { workspaceId: doc.workspaceId, actorId: null, kind: "review.stale", subjectId: documentId, data: { role: role.key, reviewer: approval.reviewerId, decision: approval.decision } },
    });
    await notify(db, {
      userIds: [approval.reviewerId],
      actorId: null,
      workspaceId: doc.workspaceId,
      documentId,
      kind: "review.stale",
      text: `Your ${role.name} decision on “${doc.title}” is stale: what it covered has changed.`,
      url: `/w/${workspace.slug}/d/${documentId}`,
    });
    await queueWebhookEvent(db, { type: "review.approval_stale", workspaceId: doc.workspaceId, documentId, actor: null, data: { role: role.key, roleName: role.name, reviewerId: approval.reviewerId, decision: approval.decision } });
    staled++;
  }
  const next = staled ? systemTransition(doc.status, "contentChanged") : null;
  if (next) {
    await db.document.update({ where: { id: documentId }, data: { status: next } });
    await db.activity.create({ data: { workspaceId: doc.workspaceId, actorId: null, kind: "document.status", subjectId: documentId, data: { from: doc.status, to: next, action: "contentChanged" } } });
    await versionCurrent(db, documentId, { kind: "status", label: STATUS_LABELS[next] });
    for (const event of statusEvents(doc.status, next, "contentChanged")) await queueWebhookEvent(db, { ...event, workspaceId: doc.workspaceId, documentId, actor: null });
  }
  return staled;
}
