import { randomUUID } from "node:crypto";
import type { DbTx, Prisma } from "../db";
import { formatNumber } from "../documents/numbering";
import type { EventInput } from "./events";
import type { EventPayload } from "./payload";

/**
 * Addresses an event to every enabled endpoint of its workspace subscribed to its type, as
 * one outbox row each (WebhookDelivery), in the caller's transaction: the event is sent only
 * if the change it reports is committed, and nothing is sent from here. Returns the rows made.
 */
export async function queueWebhookEvent(db: DbTx, event: EventInput, now = new Date()): Promise<number> {
  const hooks = await db.webhook.findMany({ where: { workspaceId: event.workspaceId, enabled: true, events: { has: event.type } }, select: { id: true } });
  if (!hooks.length) return 0;
  const doc = await db.document.findUniqueOrThrow({
    where: { id: event.documentId },
    select: { id: true, title: true, status: true, numberPrefix: true, number: true, workspace: { select: { slug: true, name: true } } },
  });
  const payload: EventPayload = {
    id: `evt_${randomUUID()}`,
    type: event.type,
    createdAt: now.toISOString(),
    workspace: { slug: doc.workspace.slug, name: doc.workspace.name },
    document: {
      id: doc.id,
      number: formatNumber(doc.numberPrefix, doc.number),
      title: doc.title,
      status: doc.status,
      url: `/w/${doc.workspace.slug}/d/${doc.id}`,
    },
    actor: event.actor,
    data: event.data ?? {},
  };
  await db.webhookDelivery.createMany({
    data: hooks.map((h) => ({ webhookId: h.id, eventId: payload.id, event: event.type, payload: payload as unknown as Prisma.InputJsonObject, nextAttemptAt: now })),
  });
  return hooks.length;
}
