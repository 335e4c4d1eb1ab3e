import { route } from "@/app/_server/route";
import { createConnection, listConnections } from "@/lib/gitSync/manage";
import { CreateConnectionInput } from "@/lib/gitSync/schema";
import { WorkspaceRef } from "@/lib/workspaces/schema";

const params = ({ slug }: Record<string, unknown>) => ({ slug });
// GET /api/workspaces/:slug/git-sync — the workspace's Git connections with their sync status (never their credentials)
export const GET = route(WorkspaceRef, listConnections, { params });
// POST /api/workspaces/:slug/git-sync — { repoUrl, branch?, path?, scope?, scopeValue?, credential? }
export const POST = route(CreateConnectionInput, createConnection, { params });
