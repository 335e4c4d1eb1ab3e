import { membershipOf, type Membership } from "../access/policy";
import type { Ctx } from "../context";
import { NotFound } from "../errors";

export interface WorkspaceFacts {
  workspace: { id: string; slug: string; name: string };
  membership: Membership;
}

/**
 * Loads a workspace by slug together with the actor's membership. NotFound when it does
 * not exist or the actor is not a member (or acts through another workspace's token): the
 * two are indistinguishable from outside.
 */
export async function loadMembership(ctx: Ctx, slug: string): Promise<WorkspaceFacts> {
  const row = await ctx.db.membership.findFirst({
    where: { userId: ctx.actor.userId, workspace: { slug } },
    include: { workspace: true },
  });
  const membership = membershipOf(ctx.actor, row);
  if (!row || !membership) throw new NotFound("Workspace");
  return { workspace: { id: row.workspace.id, slug: row.workspace.slug, name: row.workspace.name }, membership };
}
