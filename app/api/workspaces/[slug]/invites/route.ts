import { route } from "@/app/_server/route";
import { limit } from "@/lib/limits/limit";
import { inviteMember } from "@/lib/workspaces/inviteMember";
import { listInvites } from "@/lib/workspaces/listMembers";
import { InviteMemberInput, WorkspaceRef } from "@/lib/workspaces/schema";

const params = ({ slug }: Record<string, unknown>) => ({ slug });
// GET /api/workspaces/:slug/invites — pending invites
export const GET = route(WorkspaceRef, listInvites, { params });
// POST /api/workspaces/:slug/invites — { email, role }
export const POST = route(
  InviteMemberInput.omit({ baseUrl: true }),
  async (ctx, input) => {
    // invites send mail: a limited number per person (429 past it)
    await limit("invite", ctx.actor.userId);
    return inviteMember(ctx, { ...input, baseUrl: process.env.NEXTAUTH_URL });
  },
  { params },
);
