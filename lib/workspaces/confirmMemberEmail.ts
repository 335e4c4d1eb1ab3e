import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { NotFound } from "../errors";
import { loadMembership } from "./loadMembership";
import { MemberRef } from "./schema";

/**
 * Marks a member's email address as verified, for installs without mail: an admin vouches
 * that the person receives mail there. Requires `member.confirmEmail`. NotFound when the
 * user is not a member of the workspace.
 */
export async function confirmMemberEmail(ctx: Ctx, raw: MemberRef): Promise<void> {
  const input = MemberRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  await inTransaction(ctx, async (tx) => {
    const target = await tx.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: input.userId } }, include: { user: true } });
    if (!target) throw new NotFound("Member");
    authorize(membership, "member.confirmEmail", { targetUserId: target.userId, targetRole: target.role });
    if (target.user.emailVerifiedAt) return;
    await tx.db.user.update({ where: { id: target.userId }, data: { emailVerifiedAt: new Date() } });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "member.emailConfirmed", subjectId: target.userId, data: { email: target.user.email } });
  });
}
