import { route } from "@/app/_server/route";
import { rollHookSecret } from "@/lib/gitSync/hook";
import { ConnectionRef } from "@/lib/gitSync/schema";

// POST /api/workspaces/:slug/git-sync/:connectionId/hook-secret — a new secret for the connection's push hook (shown once; the old one stops working).
export const POST = route(ConnectionRef, rollHookSecret, { params: ({ slug, connectionId }) => ({ slug, connectionId }), status: 201 });
