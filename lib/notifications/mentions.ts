import { can } from "../access/policy";
import type { DbTx } from "../db";
import type { HashableSection } from "../documents/contentHash";
import { walk } from "../editor/schema";
import { notify } from "./notify";

/** The people a document's text mentions (`mention` nodes), by user id, each with the first section naming them. */
export function mentionsIn(sections: Pick<HashableSection, "key" | "title" | "body">[]): Map<string, { key: string; title: string }> {
  const found = new Map<string, { key: string; title: string }>();
  for (const section of sections) {
    walk(section.body, (node) => {
      const id = node.type === "mention" ? node.attrs?.id : null;
      if (typeof id === "string" && id && !found.has(id)) found.set(id, { key: section.key, title: section.title });
    });
  }
  return found;
}

export interface MentionChange {
  documentId: string;
  before: Pick<HashableSection, "key" | "title" | "body">[];
  after: Pick<HashableSection, "key" | "title" | "body">[];
  /** people whose edits the change holds */
  authorIds: string[];
}

/**
 * People the text mentions now and did not before this change are notified, once, if they
 * are members who may view the document (an id that names no member is ignored). A mention
 * that stays, moves or comes back after an undo within the same change notifies nobody
 * again; whoever wrote it is named when the change is one person's.
 */
export async function notifyNewMentions(tx: DbTx, change: MentionChange): Promise<void> {
  // a new mention is in a section whose text changed: the rest is read only when there is one
  const stored = new Map(change.before.map((section) => [section.key, section.body]));
  const candidates = mentionsIn(change.after.filter((section) => stored.get(section.key) !== section.body));
  if (!candidates.size) return;
  const before = mentionsIn(change.before);
  const added = [...candidates].filter(([id]) => !before.has(id));
  if (!added.length) return;
  const doc = await tx.document.findUnique({ where: { id: change.documentId }, select: { id: true, title: true, workspaceId: true, workspace: { select: { slug: true } } } });
  if (!doc) return;
  const members = await tx.membership.findMany({ where: { workspaceId: doc.workspaceId, userId: { in: added.map(([id]) => id) } }, select: { userId: true, role: true } });
  const readers = new Set(members.filter((m) => can(m, "document.view")).map((m) => m.userId));
  const actorId = change.authorIds.length === 1 ? change.authorIds[0]! : null;
  const actor = actorId ? await tx.user.findUnique({ where: { id: actorId }, select: { name: true } }) : null;
  for (const [userId, section] of added) {
    if (!readers.has(userId)) continue;
    await notify(tx, {
      userIds: [userId],
      actorId,
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      kind: "mention",
      text: `${actor ? `${actor.name} mentioned you` : "You were mentioned"} in “${doc.title}”, section “${section.title}”`,
      url: `/w/${doc.workspace.slug}/d/${doc.id}#section-${section.key}`,
    });
  }
}
