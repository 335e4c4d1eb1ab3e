import { route } from "@/app/_server/route";
import { listTemplates } from "@/lib/templates/templates";
import { WorkspaceRef } from "@/lib/workspaces/schema";

// GET /api/workspaces/:slug/templates — the gallery: built-ins and the workspace's own
export const GET = route(WorkspaceRef, listTemplates, { params: ({ slug }) => ({ slug }) });
