import { route } from "@/app/_server/route";
import { requestSync } from "@/lib/gitSync/requestSync";
import { ConnectionRef } from "@/lib/gitSync/schema";

// POST /api/workspaces/:slug/git-sync/:connectionId/sync — "Sync now": bring commits in, commit every document, push.
// Takes an API token with admin scope, so CI or a repository's push hook can trigger it.
export const POST = route(ConnectionRef, requestSync, { params: ({ slug, connectionId }) => ({ slug, connectionId }), status: 200 });
