import { publishAccessChange } from "../access/accessEvents";
import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { NotFound } from "../errors";
import { loadMembership } from "./loadMembership";
import { presentMember, type MemberDto } from "./present";
import { ChangeRoleInput, InviteRef, MemberRef } from "./schema";

async function loadTarget(ctx: Ctx, workspaceId: string, userId: string) {
  const target = await ctx.db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    include: { user: true },
  });
  if (!target) throw new NotFound("Member");
  const ownerCount = await ctx.db.membership.count({ where: { workspaceId, role: "owner" } });
  return { target, ownerCount };
}

/** Changes a member's role. Requires `member.changeRole` (see the policy for who may grant what). */
export async function changeRole(ctx: Ctx, raw: ChangeRoleInput): Promise<MemberDto> {
  const input = ChangeRoleInput.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  const member = await inTransaction(ctx, async (tx) => {
    const { target, ownerCount } = await loadTarget(tx, workspace.id, input.userId);
    authorize(membership, "member.changeRole", { targetUserId: target.userId, targetRole: target.role, newRole: input.role, ownerCount });
    const updated = await tx.db.membership.update({ where: { id: target.id }, data: { role: input.role }, include: { user: true } });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "member.roleChanged", subjectId: target.userId, data: { from: target.role, to: input.role } });
    return presentMember(updated);
  });
  // open sockets of the member become read-only (or writable) at once
  publishAccessChange({ kind: "membership", workspaceId: workspace.id, userId: input.userId });
  return member;
}

/** Removes a member, or lets a member leave. Requires `member.remove`; the last owner stays. */
export async function removeMember(ctx: Ctx, raw: MemberRef): Promise<void> {
  const input = MemberRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  await inTransaction(ctx, async (tx) => {
    const { target, ownerCount } = await loadTarget(tx, workspace.id, input.userId);
    authorize(membership, "member.remove", { targetUserId: target.userId, targetRole: target.role, ownerCount });
    await tx.db.membership.delete({ where: { id: target.id } });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "member.removed", subjectId: target.userId, data: { email: target.user.email } });
  });
  // the member's open sockets in this workspace are closed at once
  publishAccessChange({ kind: "membership", workspaceId: workspace.id, userId: input.userId });
}

/** Revokes a pending invite. Requires `invite.revoke`. */
export async function revokeInvite(ctx: Ctx, raw: InviteRef): Promise<void> {
  const input = InviteRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "invite.revoke");
  await inTransaction(ctx, async (tx) => {
    const { count } = await tx.db.invite.updateMany({
      where: { id: input.inviteId, workspaceId: workspace.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new NotFound("Invite");
    await recordActivity(tx, { workspaceId: workspace.id, kind: "invite.revoked", subjectId: input.inviteId });
  });
}
