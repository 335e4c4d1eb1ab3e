import { randomBytes } from "node:crypto";
import { authorizeAccount } from "../access/policy";
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

/** Creates a workspace owned by the actor. Any signed-in user may (`workspace.create`: not a workspace's token). */
export async function createWorkspace(ctx: Ctx, raw: CreateWorkspaceInput): Promise<WorkspaceDto> {
  authorizeAccount(ctx.actor, "workspace.create");
  const input = CreateWorkspaceInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    // the name's own slug if nobody holds it, claimed with ON CONFLICT DO NOTHING: two people
    // creating "Wren's workspace" at once both saw it free and both inserted it, and the
    // loser's unique violation failed its whole transaction (a sign-up then answered
    // "email already taken")
    const base = slugify(input.name);
    const claimed = await tx.db.workspace.createMany({ data: [{ name: input.name, slug: base }], skipDuplicates: true });
    const slug = claimed.count === 1 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    if (claimed.count === 0) await tx.db.workspace.create({ data: { name: input.name, slug } });
    const workspace = await tx.db.workspace.findUniqueOrThrow({ where: { slug } });
    await tx.db.membership.create({ data: { workspaceId: workspace.id, userId: ctx.actor.userId, role: "owner" } });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "workspace.created", subjectId: workspace.id, data: { name: input.name } });
    return presentWorkspace(workspace, "owner");
  });
}
