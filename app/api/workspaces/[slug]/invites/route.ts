import { route } from "@/app/_server/route";
import { inviteMember } from "@/lib/workspaces/inviteMember";
import { listInvites } from "@/lib/workspaces/listMembers";
import { InviteMemberInput, WorkspaceRef } from "@/lib/workspaces/schema";

const params = ({ slug }: Record<string, unknown>) => ({ slug });
// GET /api/workspaces/:slug/invites — pending invites
export const GET = route(WorkspaceRef, listInvites, { params });
// POST /api/workspaces/:slug/invites — { email, role }
export const POST = route(
  InviteMemberInput.omit({ baseUrl: true }),
  (ctx, input) => inviteMember(ctx, { ...input, baseUrl: process.env.NEXTAUTH_URL }),
  { params },
);
