import { route } from "@/app/_server/route";
import { revokeWorkspaceToken } from "@/lib/apiTokens/revokeToken";
import { WorkspaceTokenRef } from "@/lib/apiTokens/schema";

// DELETE /api/workspaces/:slug/tokens/:tokenId — revoke a workspace API token (admins)
export const DELETE = route(WorkspaceTokenRef, revokeWorkspaceToken, { params: ({ slug, tokenId }) => ({ slug, tokenId }) });
