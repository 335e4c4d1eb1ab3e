import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import { flushDocument, replaceDocumentSections } from "../collab/gateway";
import type { SectionContent } from "../collab/ydoc";
import type { Ctx } from "../context";
import type { DbTx, Prisma } from "../db";
import { inTransaction } from "../db/tx";
import { loadDocument } from "../documents/loadDocument";
import { Conflict, NotFound } from "../errors";
import { versionCurrent } from "../versions/autoVersions";
import { ConflictRef, ResolveConflictInput } from "./schema";

/** One section both sides changed since the last sync, as stored and as a person sees it. */
export interface ConflictSection {
  /** the document's section key (a section only the repository has gets one of its own) */
  key: string;
  title: string;
  /** the section in Specwright as Markdown; null when Specwright removed it */
  specwright: string | null;
  /** the section in the repository's file as Markdown; null when the repository removed it */
  repository: string | null;
  /** what keeping the repository's side writes; null when that side removed the section */
  repositorySection: SectionContent | null;
  /** the side a person kept, once they chose */
  kept?: "specwright" | "repository";
}

export interface GitConflictDto {
  id: string;
  commitSha: string;
  createdAt: string;
  sections: Omit<ConflictSection, "repositorySection">[];
}

function sectionsOf(row: { sections: Prisma.JsonValue }): ConflictSection[] {
  return row.sections as unknown as ConflictSection[];
}

function present(row: { id: string; commitSha: string; createdAt: Date; sections: Prisma.JsonValue }): GitConflictDto {
  return { id: row.id, commitSha: row.commitSha, createdAt: row.createdAt.toISOString(), sections: sectionsOf(row).map(({ repositorySection: _omit, ...rest }) => rest) };
}

/**
 * Records sections both sides changed, replacing the document's open conflict with this
 * connection (the newest commit is what a person compares against). Nothing is written to
 * the document. In the caller's transaction.
 */
export async function recordConflict(db: DbTx, input: { connectionId: string; documentId: string; commitSha: string; sections: ConflictSection[] }): Promise<void> {
  await db.gitSyncConflict.deleteMany({ where: { connectionId: input.connectionId, documentId: input.documentId, resolvedAt: null } });
  await db.gitSyncConflict.create({ data: { connectionId: input.connectionId, documentId: input.documentId, commitSha: input.commitSha, sections: input.sections as unknown as Prisma.InputJsonArray } });
}

/** The document's open Git sync conflicts, each section's two sides as Markdown. Requires `document.view`. */
export async function listConflicts(ctx: Ctx, input: { documentId: string }): Promise<GitConflictDto[]> {
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "document.view");
  const rows = await ctx.db.gitSyncConflict.findMany({ where: { documentId: doc.id, resolvedAt: null }, orderBy: { createdAt: "asc" } });
  return rows.map(present);
}

/** Writes the repository's side of one section through the live Y.Doc (or removes the section when the repository removed it). */
async function keepRepository(ctx: Ctx, documentId: string, section: ConflictSection): Promise<void> {
  await flushDocument(documentId);
  const order = (await ctx.db.section.findMany({ where: { documentId }, orderBy: { position: "asc" }, select: { key: true } })).map((s) => s.key);
  if (section.repositorySection) await replaceDocumentSections(documentId, { sections: [section.repositorySection], ...(order.includes(section.key) ? {} : { positions: { [section.key]: order.length } }) });
  else await replaceDocumentSections(documentId, { sections: [], order: order.filter((k) => k !== section.key) });
  await flushDocument(documentId);
}

/**
 * Keeps one side of one conflicting section: "repository" writes the repository's text
 * through the live Y.Doc (open editors see it; approvals go stale by the usual rules),
 * "specwright" leaves the document as it is. Once every section is decided the conflict is
 * resolved, a version records the result and the document is queued for its connection's
 * next sync, which commits it. Requires `document.edit`; NotFound for an unknown conflict or
 * section; Conflict when that section was already decided.
 */
export async function resolveConflictSection(ctx: Ctx, raw: ResolveConflictInput): Promise<GitConflictDto> {
  const input = ResolveConflictInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "document.edit");
  const row = await ctx.db.gitSyncConflict.findFirst({ where: { id: input.conflictId, documentId: doc.id, resolvedAt: null } });
  if (!row) throw new NotFound("Sync conflict");
  const sections = sectionsOf(row);
  const section = sections.find((s) => s.key === input.sectionKey);
  if (!section) throw new NotFound("Section");
  if (section.kept) throw new Conflict(`“${section.title}” was already decided: ${section.kept === "repository" ? "the repository's" : "Specwright's"} text was kept.`);
  if (input.keep === "repository") await keepRepository(ctx, doc.id, section);
  const decided = sections.map((s) => (s.key === section.key ? { ...s, kept: input.keep } : s));
  const done = decided.every((s) => s.kept);
  return inTransaction(ctx, async (tx) => {
    const updated = await tx.db.gitSyncConflict.update({
      where: { id: row.id },
      data: { sections: decided as unknown as Prisma.InputJsonArray, ...(done ? { resolvedAt: new Date(), resolvedById: ctx.actor.userId } : {}) },
    });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "gitSync.conflictSection", subjectId: doc.id, data: { section: section.key, keep: input.keep } });
    if (done) {
      await versionCurrent(tx.db, doc.id, { kind: "auto", createdById: ctx.actor.userId, authorIds: [ctx.actor.userId] });
      await tx.db.gitSyncRequest.create({ data: { connectionId: row.connectionId, documentId: doc.id, authorId: ctx.actor.userId, reason: "conflict" } });
      await tx.db.gitConnection.update({ where: { id: row.connectionId }, data: { nextSyncAt: new Date() } });
    }
    return present(updated);
  });
}

/** Input of `listConflicts` from a route. */
export const DocumentConflicts = ConflictRef.pick({ documentId: true });
