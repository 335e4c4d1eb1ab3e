import { membershipOf } from "../access/policy";
import type { Ctx } from "../context";
import { NotFound } from "../errors";

/**
 * Loads a document with the actor's membership in its workspace. NotFound when it does
 * not exist or belongs to a workspace the actor is not in (the two look the same).
 */
export async function loadDocument(ctx: Ctx, documentId: string, options: { includeDeleted?: boolean } = {}) {
  const doc = await ctx.db.document.findUnique({
    where: { id: documentId },
    include: { template: true, owner: true, workspace: true },
  });
  if (!doc || (doc.deletedAt && !options.includeDeleted)) throw new NotFound("Document");
  const m = await ctx.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: doc.workspaceId, userId: ctx.actor.userId } } });
  const membership = membershipOf(ctx.actor, m);
  if (!membership) throw new NotFound("Document");
  return { doc, membership };
}
