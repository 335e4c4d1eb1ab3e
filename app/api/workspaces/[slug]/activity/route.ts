import { route } from "@/app/_server/route";
import { listWorkspaceActivity } from "@/lib/activityLog/listWorkspaceActivity";
import { WorkspaceActivityQuery } from "@/lib/activityLog/schema";

// GET /api/workspaces/:slug/activity?token=<token id>&before=<next> — the workspace's activity log, newest first, a page at a time (admins)
export const GET = route(WorkspaceActivityQuery, listWorkspaceActivity, { params: ({ slug }) => ({ slug }) });
