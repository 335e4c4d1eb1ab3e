import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { loadMembership } from "./loadMembership";
import { presentInvite, presentMember, type InviteDto, type MemberDto } from "./present";
import { WorkspaceRef } from "./schema";

/** Members of a workspace. Requires `member.list`. */
export async function listMembers(ctx: Ctx, raw: WorkspaceRef): Promise<MemberDto[]> {
  const { slug } = WorkspaceRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, slug);
  authorize(membership, "member.list");
  const rows = await ctx.db.membership.findMany({
    where: { workspaceId: workspace.id },
    include: { user: true },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map(presentMember);
}

/** Pending (not accepted, revoked or expired) invites. Requires `invite.list`. */
export async function listInvites(ctx: Ctx, raw: WorkspaceRef): Promise<InviteDto[]> {
  const { slug } = WorkspaceRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, slug);
  authorize(membership, "invite.list");
  const rows = await ctx.db.invite.findMany({
    where: { workspaceId: workspace.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    include: { invitedBy: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => presentInvite(row));
}
