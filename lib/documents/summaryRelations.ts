import type { DbTx } from "../db";

/**
 * A document row with its template and owner, read one after the other. Inside a transaction
 * every query goes to its one connection, which takes one at a time; an `include` of both
 * relations would send their two queries at once.
 */
export async function withTemplateAndOwner<T extends { templateId: string; ownerId: string }>(db: DbTx, doc: T) {
  const template = await db.template.findUniqueOrThrow({ where: { id: doc.templateId } });
  const owner = await db.user.findUniqueOrThrow({ where: { id: doc.ownerId } });
  return { ...doc, template, owner };
}
