import { route } from "@/app/_server/route";
import { redeliver } from "@/lib/webhooks/redeliver";
import { DeliveryRef } from "@/lib/webhooks/schema";

// POST /api/workspaces/:slug/webhooks/:webhookId/deliveries/:deliveryId/redeliver — send the event again, as a new delivery
export const POST = route(DeliveryRef, redeliver, { params: ({ slug, webhookId, deliveryId }) => ({ slug, webhookId, deliveryId }) });
