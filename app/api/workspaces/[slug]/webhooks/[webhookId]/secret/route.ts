import { route } from "@/app/_server/route";
import { rollSecret } from "@/lib/webhooks/rollSecret";
import { WebhookRef } from "@/lib/webhooks/schema";

// POST /api/workspaces/:slug/webhooks/:webhookId/secret — a new signing secret, in this answer only
export const POST = route(WebhookRef, rollSecret, { params: ({ slug, webhookId }) => ({ slug, webhookId }) });
