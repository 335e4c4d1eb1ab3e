import type { DbTx } from "../db";

/**
 * A document row with the template and owner its summary names, read one after the other.
 * Inside a transaction every query goes to its one connection, which takes one at a time;
 * an `include` of both relations would send their two queries at once.
 */
export async function withTemplateAndOwner<T extends { templateId: string; ownerId: string }>(
  db: DbTx,
  doc: T,
): Promise<T & { template: { id: string; key: string; name: string }; owner: { id: string; name: string } }> {
  const template = await db.template.findUniqueOrThrow({ where: { id: doc.templateId }, select: { id: true, key: true, name: true } });
  const owner = await db.user.findUniqueOrThrow({ where: { id: doc.ownerId }, select: { id: true, name: true } });
  return { ...doc, template, owner };
}
