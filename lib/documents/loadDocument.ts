import { membershipOf } from "../access/policy";
import { remember, type Ctx } from "../context";
import { NotFound } from "../errors";

/**
 * Loads a document with the actor's membership in its workspace. NotFound when it does
 * not exist or belongs to a workspace the actor is not in (the two look the same).
 */
export function loadDocument(ctx: Ctx, documentId: string, options: { includeDeleted?: boolean } = {}) {
  return remember(ctx, `document:${documentId}:${options.includeDeleted ? "any" : "live"}`, () => load(ctx, documentId, options));
}

async function load(ctx: Ctx, documentId: string, options: { includeDeleted?: boolean }) {
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

/** A document's section rows in their order (no permission check: the caller has loaded the document with `loadDocument`). */
export function loadSectionRows(ctx: Ctx, documentId: string) {
  return remember(ctx, `sections:${documentId}`, () => ctx.db.section.findMany({ where: { documentId }, orderBy: { position: "asc" } }));
}
