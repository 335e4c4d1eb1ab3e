import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { DocumentRef } from "../documents/inputs";
import { describeActivity } from "./activityText";
import { loadReviewFacts } from "./loadReview";

export interface ActivityDto {
  id: string;
  kind: string;
  actor: string;
  at: string;
  /** what happened, in words, after the actor's name */
  text: string;
  data: Record<string, unknown>;
}

/**
 * The document's activity log, newest first, in words (people, roles and sections by
 * name). Requires `activity.view` (admins): the log names who did what and when. Everyone
 * else follows a document through its versions, its review and its comments. NotFound
 * outside the actor's workspaces.
 */
export async function listDocumentActivity(ctx: Ctx, raw: DocumentRef): Promise<ActivityDto[]> {
  const { documentId } = DocumentRef.parse(raw);
  const facts = await loadReviewFacts(ctx, documentId);
  authorize(facts.membership, "activity.view");
  const rows = await ctx.db.activity.findMany({ where: { workspaceId: facts.doc.workspaceId, subjectId: documentId }, orderBy: { createdAt: "desc" }, take: 200 });
  const data = (r: (typeof rows)[number]) => (r.data ?? {}) as Record<string, unknown>;
  const userIds = new Set<string>();
  for (const r of rows) {
    if (r.actorId) userIds.add(r.actorId);
    if (typeof data(r).reviewer === "string") userIds.add(data(r).reviewer as string);
  }
  const people = new Map((await ctx.db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const names = { people, roles: new Map(facts.roles.map((r) => [r.key, r.name])), sections: new Map(facts.sections.map((s) => [s.key, s.title])) };
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    actor: r.actorId ? (people.get(r.actorId) ?? "Someone") : "Specwright",
    at: r.createdAt.toISOString(),
    text: describeActivity(r.kind, data(r), names),
    data: data(r),
  }));
}
