import { route } from "@/app/_server/route";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { WebhookRef } from "@/lib/webhooks/schema";

// GET /api/workspaces/:slug/webhooks/:webhookId/deliveries — the latest 50, with the receivers' answers
export const GET = route(WebhookRef, listDeliveries, { params: ({ slug, webhookId }) => ({ slug, webhookId }) });
