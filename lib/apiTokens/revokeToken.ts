import { authorize, authorizeAccount } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { NotFound } from "../errors";
import { loadMembership } from "../workspaces/loadMembership";
import { presentToken, TOKEN_SELECT, type ApiTokenDto } from "./present";
import { TokenRef, WorkspaceTokenRef } from "./schema";

/** Marks the token revoked (once: revoking it again changes nothing) and logs it. */
async function revoke(ctx: Ctx, where: { id: string; workspaceId: string | null; userId?: string }): Promise<ApiTokenDto> {
  return inTransaction(ctx, async (tx) => {
    const revoked = await tx.db.apiToken.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date(), revokedById: ctx.actor.userId } });
    const row = await tx.db.apiToken.findFirst({ where, select: TOKEN_SELECT });
    if (!row) throw new NotFound("Token");
    if (revoked.count) await recordActivity(tx, { workspaceId: where.workspaceId, kind: "apiToken.revoked", subjectId: row.id, data: { name: row.name } });
    return presentToken(row);
  });
}

/** Revokes one of the actor's personal tokens at once. Only the person (`account.security`); NotFound for anyone else's. */
export async function revokePersonalToken(ctx: Ctx, raw: TokenRef): Promise<ApiTokenDto> {
  authorizeAccount(ctx.actor, "account.security");
  const { tokenId } = TokenRef.parse(raw);
  return revoke(ctx, { id: tokenId, workspaceId: null, userId: ctx.actor.userId });
}

/** Revokes a workspace's token at once, whoever made it. Requires `apiToken.manage`; NotFound outside the workspace. */
export async function revokeWorkspaceToken(ctx: Ctx, raw: WorkspaceTokenRef): Promise<ApiTokenDto> {
  const input = WorkspaceTokenRef.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "apiToken.manage");
  return revoke(ctx, { id: input.tokenId, workspaceId: workspace.id });
}
