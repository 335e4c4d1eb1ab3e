import { route } from "@/app/_server/route";
import { createWebhook, listWebhooks } from "@/lib/webhooks/manage";
import { CreateWebhookInput } from "@/lib/webhooks/schema";
import { WorkspaceRef } from "@/lib/workspaces/schema";

const params = ({ slug }: Record<string, unknown>) => ({ slug });
// GET /api/workspaces/:slug/webhooks — the workspace's endpoints (never their secrets)
export const GET = route(WorkspaceRef, listWebhooks, { params });
// POST /api/workspaces/:slug/webhooks — { url, description?, events, slack? }; the answer alone carries the secret
export const POST = route(CreateWebhookInput, createWebhook, { params });
