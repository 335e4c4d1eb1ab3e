import { can } from "../access/policy";
import type { Db } from "../db";
import { loadDocument } from "../documents/loadDocument";
import { Forbidden, Unauthenticated } from "../errors";

/**
 * Decides whether a user may open a document's collaboration socket: NotFound outside
 * their workspaces (and for trashed documents), Forbidden without `document.view`;
 * read-only unless `document.edit`, except that a viewer assigned as one of its reviewers
 * may suggest (`suggestOnly`: the server lets only suggestions through, see suggestOnly.ts).
 */
export async function authorizeSocket(db: Db, userId: string | undefined, documentId: string): Promise<{ userId: string; name: string; readOnly: boolean; suggestOnly: boolean }> {
  if (!userId) throw new Unauthenticated();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new Unauthenticated();
  const { membership } = await loadDocument({ actor: { userId: user.id, email: user.email, name: user.name }, db }, documentId);
  if (!can(membership, "document.view")) throw new Forbidden();
  if (can(membership, "document.edit")) return { userId: user.id, name: user.name, readOnly: false, suggestOnly: false };
  const isReviewer = (await db.reviewAssignment.count({ where: { documentId, reviewerId: user.id } })) > 0;
  const suggestOnly = can(membership, "document.suggest", { isReviewer });
  return { userId: user.id, name: user.name, readOnly: !suggestOnly, suggestOnly };
}
