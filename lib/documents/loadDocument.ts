import { remember, type Ctx } from "../context";
import type { DbTx } from "../db";
import { isClient } from "../db/tx";
import { NotFound } from "../errors";
import { membershipIn } from "../workspaces/loadMembership";
import { withTemplateAndOwner } from "./summaryRelations";

/**
 * Loads a document with the actor's membership in its workspace. NotFound when it does
 * not exist or belongs to a workspace the actor is not in (the two look the same).
 */
export function loadDocument(ctx: Ctx, documentId: string, options: { includeDeleted?: boolean } = {}) {
  return remember(ctx, `document:${documentId}:${options.includeDeleted ? "any" : "live"}`, () => load(ctx, documentId, options));
}

async function load(ctx: Ctx, documentId: string, options: { includeDeleted?: boolean }) {
  const doc = await withRelations(ctx.db, documentId);
  if (!doc || (doc.deletedAt && !options.includeDeleted)) throw new NotFound("Document");
  const membership = await membershipIn(ctx, doc.workspaceId);
  if (!membership) throw new NotFound("Document");
  return { doc, membership };
}

/**
 * The document with its template, owner and workspace. An include sends the three queries at
 * once, each on a connection of the pool; inside a transaction they would share its one
 * connection, so there they are sent one after the other.
 */
async function withRelations(db: DbTx, documentId: string) {
  if (isClient(db)) return db.document.findUnique({ where: { id: documentId }, include: { template: true, owner: true, workspace: true } });
  const row = await db.document.findUnique({ where: { id: documentId } });
  if (!row) return null;
  const doc = await withTemplateAndOwner(db, row);
  return { ...doc, workspace: await db.workspace.findUniqueOrThrow({ where: { id: row.workspaceId } }) };
}

/** A document's section rows in their order (no permission check: the caller has loaded the document with `loadDocument`). */
export function loadSectionRows(ctx: Ctx, documentId: string) {
  return remember(ctx, `sections:${documentId}`, () => ctx.db.section.findMany({ where: { documentId }, orderBy: { position: "asc" } }));
}
