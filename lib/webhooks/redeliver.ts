import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import type { Prisma } from "../db";
import { inTransaction } from "../db/tx";
import { NotFound } from "../errors";
import { adminOf, loadWebhook } from "./manage";
import { presentDelivery, type DeliveryDto } from "./present";
import { DeliveryRef } from "./schema";

/**
 * Sends one event to the endpoint again, as a new delivery with the same event id and body
 * (a receiver that already handled it may drop it): for a delivery that failed, or one the
 * receiver mishandled. Queued like any delivery, sent on the next run. Requires `webhook.manage`.
 */
export async function redeliver(ctx: Ctx, raw: DeliveryRef): Promise<DeliveryDto> {
  const input = DeliveryRef.parse(raw);
  const workspace = await adminOf(ctx, input.slug);
  const hook = await loadWebhook(ctx, workspace.id, input.webhookId);
  const original = await ctx.db.webhookDelivery.findFirst({ where: { id: input.deliveryId, webhookId: hook.id } });
  if (!original) throw new NotFound("Delivery");
  return inTransaction(ctx, async (tx) => {
    const copy = await tx.db.webhookDelivery.create({
      data: { webhookId: hook.id, eventId: original.eventId, event: original.event, payload: original.payload as Prisma.InputJsonValue, nextAttemptAt: new Date() },
    });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "webhook.redelivered", subjectId: hook.id, data: { eventId: original.eventId } });
    return presentDelivery(copy);
  });
}
