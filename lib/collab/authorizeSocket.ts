import { can } from "../access/policy";
import type { Db } from "../db";
import { loadDocument } from "../documents/loadDocument";
import { Forbidden, Unauthenticated } from "../errors";

/**
 * Decides whether a user may open a document's collaboration socket: NotFound outside
 * their workspaces (and for trashed documents), Forbidden without `document.view`;
 * read-only unless `document.edit`.
 */
export async function authorizeSocket(db: Db, userId: string | undefined, documentId: string): Promise<{ userId: string; name: string; readOnly: boolean }> {
  if (!userId) throw new Unauthenticated();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new Unauthenticated();
  const { membership } = await loadDocument({ actor: { userId: user.id, email: user.email, name: user.name }, db }, documentId);
  if (!can(membership, "document.view")) throw new Forbidden();
  return { userId: user.id, name: user.name, readOnly: !can(membership, "document.edit") };
}
