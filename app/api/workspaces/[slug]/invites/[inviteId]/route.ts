import { route } from "@/app/_server/route";
import { revokeInvite } from "@/lib/workspaces/manageMembers";
import { InviteRef } from "@/lib/workspaces/schema";

// DELETE /api/workspaces/:slug/invites/:inviteId — revoke a pending invite
export const DELETE = route(InviteRef, revokeInvite, { params: ({ slug, inviteId }) => ({ slug, inviteId }) });
