import type { Ctx } from "../context";
import { adminOf, loadWebhook } from "./manage";
import { presentDelivery, type DeliveryDto } from "./present";
import { WebhookRef } from "./schema";

const SHOWN = 50;

/** An endpoint's latest deliveries, newest first, with the receiver's answers. Requires `webhook.manage`. */
export async function listDeliveries(ctx: Ctx, raw: WebhookRef): Promise<DeliveryDto[]> {
  const input = WebhookRef.parse(raw);
  const workspace = await adminOf(ctx, input.slug);
  const hook = await loadWebhook(ctx, workspace.id, input.webhookId);
  const rows = await ctx.db.webhookDelivery.findMany({ where: { webhookId: hook.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: SHOWN });
  return rows.map(presentDelivery);
}
