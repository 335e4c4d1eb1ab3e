import { authorizeAccount } from "../access/policy";
import type { Ctx } from "../context";
import { presentWorkspace, type WorkspaceDto } from "./present";

/**
 * The workspaces the actor belongs to, oldest membership first (`account.view`); through a
 * workspace's API token, that workspace only.
 */
export async function listWorkspaces(ctx: Ctx): Promise<WorkspaceDto[]> {
  authorizeAccount(ctx.actor, "account.view");
  const bound = ctx.actor.token?.workspaceId;
  const rows = await ctx.db.membership.findMany({
    where: { userId: ctx.actor.userId, ...(bound ? { workspaceId: bound } : {}) },
    include: { workspace: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => presentWorkspace(m.workspace, m.role));
}
