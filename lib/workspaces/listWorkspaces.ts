import type { Ctx } from "../context";
import { presentWorkspace, type WorkspaceDto } from "./present";

/** The workspaces the actor belongs to, oldest membership first. */
export async function listWorkspaces(ctx: Ctx): Promise<WorkspaceDto[]> {
  const rows = await ctx.db.membership.findMany({
    where: { userId: ctx.actor.userId },
    include: { workspace: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => presentWorkspace(m.workspace, m.role));
}
