import { randomBytes } from "node:crypto";
import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { Conflict } from "../errors";
import { sendMail } from "../mail/sendMail";
import { hashToken } from "../util/hash";
import { loadMembership } from "./loadMembership";
import { invitePath, presentInvite, type InviteDto } from "./present";
import { InviteMemberInput } from "./schema";

const INVITE_DAYS = 14;

export interface InviteResult {
  invite: InviteDto;
  emailed: boolean;
}

/**
 * Invites an email address to a workspace with a role. Requires `member.invite` for that
 * role. Conflict when the address already belongs to a member; inviting a pending address
 * again renews its invite. Mails the link when SMTP is configured.
 */
export async function inviteMember(ctx: Ctx, raw: InviteMemberInput): Promise<InviteResult> {
  const input = InviteMemberInput.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "member.invite", { newRole: input.role });
  const token = randomBytes(24).toString("base64url");
  const invite = await inTransaction(ctx, async (tx) => {
    const existing = await tx.db.membership.findFirst({ where: { workspaceId: workspace.id, user: { email: input.email } } });
    if (existing) throw new Conflict(`${input.email} is already a member of this workspace.`);
    await tx.db.invite.updateMany({
      where: { workspaceId: workspace.id, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.db.invite.create({
      data: {
        workspaceId: workspace.id,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: ctx.actor.userId,
        expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000),
      },
      include: { invitedBy: true },
    });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "member.invited", subjectId: created.id, data: { email: input.email, role: input.role } });
    return created;
  });
  const dto = presentInvite(invite, token);
  const emailed = await sendMail({
    to: input.email,
    subject: `${ctx.actor.name} invited you to ${workspace.name} on Specwright`,
    text: `${ctx.actor.name} invited you to join "${workspace.name}" as ${input.role}.\n\nAccept: ${input.baseUrl ?? ""}${invitePath(token)}\n\nThe link expires in ${INVITE_DAYS} days.`,
  });
  return { invite: dto, emailed };
}
