import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { loadDocument } from "../documents/loadDocument";
import { DocumentRef } from "../documents/inputs";

export interface ActivityDto {
  id: string;
  kind: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

/**
 * The document's activity log, newest first. Requires `activity.view` (admins): the log
 * names who did what and when. Everyone else follows a document through its versions,
 * its review and its comments. NotFound outside the actor's workspaces.
 */
export async function listDocumentActivity(ctx: Ctx, raw: DocumentRef): Promise<ActivityDto[]> {
  const { documentId } = DocumentRef.parse(raw);
  const { doc, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "activity.view");
  const rows = await ctx.db.activity.findMany({ where: { workspaceId: doc.workspaceId, subjectId: documentId }, orderBy: { createdAt: "desc" }, take: 200 });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
  const names = new Map((await ctx.db.user.findMany({ where: { id: { in: actorIds } } })).map((u) => [u.id, u.name]));
  return rows.map((r) => ({ id: r.id, kind: r.kind, actor: r.actorId ? (names.get(r.actorId) ?? "Someone") : "Specwright", at: r.createdAt.toISOString(), data: r.data as Record<string, unknown> }));
}
