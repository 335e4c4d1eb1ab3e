import { authorizeAccount } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import type { DbTx } from "../db";
import { inTransaction } from "../db/tx";
import { hashToken } from "../util/hash";
import { Conflict, Forbidden, NotFound } from "../errors";
import { presentWorkspace, type WorkspaceDto } from "./present";
import { InviteToken } from "./schema";

export interface InvitePreview {
  workspaceName: string;
  email: string;
  role: string;
  invitedBy: string;
}

async function findUsableInvite(db: DbTx, token: string) {
  const invite = await db.invite.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invite || invite.revokedAt || invite.acceptedAt || invite.expiresAt < new Date()) throw new NotFound("Invite");
  // one after the other: accepting reads it inside a transaction, on one connection
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: invite.workspaceId } });
  const invitedBy = await db.user.findUniqueOrThrow({ where: { id: invite.invitedById }, select: { name: true } });
  return { ...invite, workspace, invitedBy };
}

/** What an invite link offers, for the page a visitor lands on. NotFound when used, revoked or expired. */
export async function previewInvite(db: DbTx, raw: InviteToken): Promise<InvitePreview> {
  const { token } = InviteToken.parse(raw);
  const invite = await findUsableInvite(db, token);
  return { workspaceName: invite.workspace.name, email: invite.email, role: invite.role, invitedBy: invite.invitedBy.name };
}

/**
 * Joins the actor to the invite's workspace with the invited role. The invite is for one
 * email address: Forbidden for anyone else, and for an API token (`invite.accept`). Conflict
 * when already a member.
 */
export async function acceptInvite(ctx: Ctx, raw: InviteToken): Promise<WorkspaceDto> {
  authorizeAccount(ctx.actor, "invite.accept");
  const { token } = InviteToken.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const invite = await findUsableInvite(tx.db, token);
    if (invite.email !== ctx.actor.email.toLowerCase()) {
      throw new Forbidden(`This invite is for ${invite.email}. Sign in with that address to accept it.`);
    }
    const already = await tx.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId: ctx.actor.userId } } });
    if (already) throw new Conflict("You are already a member of this workspace.");
    await tx.db.membership.create({ data: { workspaceId: invite.workspaceId, userId: ctx.actor.userId, role: invite.role } });
    await tx.db.invite.update({ where: { id: invite.id }, data: { acceptedAt: new Date() } });
    await recordActivity(tx, { workspaceId: invite.workspaceId, kind: "member.joined", subjectId: ctx.actor.userId, data: { role: invite.role } });
    return presentWorkspace(invite.workspace, invite.role);
  });
}
