import { route } from "@/app/_server/route";
import { createWorkspaceToken } from "@/lib/apiTokens/createToken";
import { listWorkspaceTokens } from "@/lib/apiTokens/listTokens";
import { CreateWorkspaceTokenInput } from "@/lib/apiTokens/schema";
import { WorkspaceRef } from "@/lib/workspaces/schema";

const params = ({ slug }: Record<string, unknown>) => ({ slug });
// GET /api/workspaces/:slug/tokens — the workspace's API tokens (admins)
export const GET = route(WorkspaceRef, listWorkspaceTokens, { params });
// POST /api/workspaces/:slug/tokens — { name, scope, expiresInDays } → 201 { token, secret }: acts as the admin who made it, here only
export const POST = route(CreateWorkspaceTokenInput, createWorkspaceToken, { params });
