import { route } from "@/app/_server/route";
import { acceptInvite } from "@/lib/workspaces/acceptInvite";
import { InviteToken } from "@/lib/workspaces/schema";

// POST /api/invites/:token/accept — join the workspace as the invited role
export const POST = route(InviteToken, acceptInvite, { params: ({ token }) => ({ token }) });
