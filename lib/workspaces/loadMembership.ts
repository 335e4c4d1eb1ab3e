import { membershipOf, type Membership } from "../access/policy";
import { know, remember, type Ctx } from "../context";
import { NotFound } from "../errors";

export interface WorkspaceFacts {
  workspace: { id: string; slug: string; name: string };
  membership: Membership;
}

/**
 * Loads a workspace by slug together with the actor's membership. NotFound when it does
 * not exist or the actor is not a member (or acts through another workspace's token): the
 * two are indistinguishable from outside. Once per reading request.
 */
export function loadMembership(ctx: Ctx, slug: string): Promise<WorkspaceFacts> {
  return remember(ctx, `membership:${slug}`, async () => {
    const row = await ctx.db.membership.findFirst({
      where: { userId: ctx.actor.userId, workspace: { slug } },
      include: { workspace: true },
    });
    const membership = membershipOf(ctx.actor, row);
    if (!row || !membership) throw new NotFound("Workspace");
    const facts = { workspace: { id: row.workspace.id, slug: row.workspace.slug, name: row.workspace.name }, membership };
    know(ctx, `membership-in:${facts.workspace.id}`, membership);
    return facts;
  });
}

/** The actor's membership in the workspace with this id, or null when they are not in it. Once per reading request. */
export function membershipIn(ctx: Ctx, workspaceId: string): Promise<Membership | null> {
  return remember(ctx, `membership-in:${workspaceId}`, async () =>
    membershipOf(ctx.actor, await ctx.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: ctx.actor.userId } } })),
  );
}

/** Tells a reading request the actor's standing in a workspace, which its page has already read. */
export function knowMembership(ctx: Ctx, facts: WorkspaceFacts): void {
  know(ctx, `membership:${facts.workspace.slug}`, facts);
  know(ctx, `membership-in:${facts.workspace.id}`, facts.membership);
}
