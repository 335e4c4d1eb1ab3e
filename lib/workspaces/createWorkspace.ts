import { randomBytes } from "node:crypto";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { presentWorkspace, type WorkspaceDto } from "./present";
import { CreateWorkspaceInput } from "./schema";

/** A URL-safe slug from a name. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "workspace";
}

/** Creates a workspace owned by the actor. Any signed-in user may. */
export async function createWorkspace(ctx: Ctx, raw: CreateWorkspaceInput): Promise<WorkspaceDto> {
  const input = CreateWorkspaceInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    let slug = slugify(input.name);
    if (await tx.db.workspace.findUnique({ where: { slug } })) slug = `${slug}-${randomBytes(3).toString("hex")}`;
    const workspace = await tx.db.workspace.create({
      data: { name: input.name, slug, memberships: { create: { userId: ctx.actor.userId, role: "owner" } } },
    });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "workspace.created", subjectId: workspace.id, data: { name: input.name } });
    return presentWorkspace(workspace, "owner");
  });
}
