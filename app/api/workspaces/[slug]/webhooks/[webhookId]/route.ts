import { route } from "@/app/_server/route";
import { deleteWebhook, updateWebhook } from "@/lib/webhooks/manage";
import { UpdateWebhookInput, WebhookRef } from "@/lib/webhooks/schema";

const params = ({ slug, webhookId }: Record<string, unknown>) => ({ slug, webhookId });
// PATCH /api/workspaces/:slug/webhooks/:webhookId — { url?, description?, events?, slack?, enabled? }
export const PATCH = route(UpdateWebhookInput, updateWebhook, { params });
// DELETE /api/workspaces/:slug/webhooks/:webhookId — the endpoint and its deliveries
export const DELETE = route(WebhookRef, deleteWebhook, { params });
