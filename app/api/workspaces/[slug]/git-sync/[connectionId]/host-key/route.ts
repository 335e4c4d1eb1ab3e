import { route } from "@/app/_server/route";
import { forgetHostKey } from "@/lib/gitSync/forgetHostKey";
import { ConnectionRef } from "@/lib/gitSync/schema";

// DELETE /api/workspaces/:slug/git-sync/:connectionId/host-key — "Forget host key": the next sync trusts the key the host presents, and pins it.
export const DELETE = route(ConnectionRef, forgetHostKey, { params: ({ slug, connectionId }) => ({ slug, connectionId }) });
