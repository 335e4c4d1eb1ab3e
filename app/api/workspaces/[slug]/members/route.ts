import { route } from "@/app/_server/route";
import { listMembers } from "@/lib/workspaces/listMembers";
import { WorkspaceRef } from "@/lib/workspaces/schema";

// GET /api/workspaces/:slug/members
export const GET = route(WorkspaceRef, listMembers, { params: ({ slug }) => ({ slug }) });
