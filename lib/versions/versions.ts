import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import { flushDocument } from "../collab/gateway";
import type { Ctx } from "../context";
import type { DbTx } from "../db";
import { inTransaction } from "../db/tx";
import type { HashableSection } from "../documents/contentHash";
import { loadDocument } from "../documents/loadDocument";
import { loadFieldNames } from "../documents/loadFieldNames";
import { currentSections } from "../review/scope";
import { versionCurrent } from "./autoVersions";
import { describeSummary, diffSections } from "./diff";
import { CreateVersionInput, DiffInput, ListVersionsInput, VersionRef, type DiffSide } from "./inputs";
import { presentVersions, type DiffDto, type VersionDetailDto, type VersionDto } from "./present";
import { versionSections } from "./snapshot";

/** The document's versions, newest first. Requires `version.view`; NotFound outside the actor's workspaces. */
export async function listVersions(ctx: Ctx, raw: ListVersionsInput): Promise<VersionDto[]> {
  const { documentId } = ListVersionsInput.parse(raw);
  const { membership } = await loadDocument(ctx, documentId);
  authorize(membership, "version.view");
  const rows = await ctx.db.version.findMany({ where: { documentId }, orderBy: { number: "desc" }, take: 2000 });
  return presentVersions(ctx.db, rows);
}

/** One version with its sections, to read. Requires `version.view`; NotFound for an unknown number. */
export async function getVersion(ctx: Ctx, raw: VersionRef): Promise<VersionDetailDto> {
  const input = VersionRef.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "version.view");
  const { version, sections } = await versionSections(ctx.db, input.documentId, input.number);
  const [dto] = await presentVersions(ctx.db, [version]);
  return { ...dto!, sections, names: await loadFieldNames(ctx.db, doc, sections) };
}

async function sideSections(db: DbTx, documentId: string, side: DiffSide): Promise<HashableSection[]> {
  return side === "current" ? currentSections(db, documentId) : (await versionSections(db, documentId, side)).sections;
}

/**
 * Compares two versions (or a version and the current content): sections added, removed,
 * moved and changed, with word-level, cell-level and diagram differences. Requires `version.view`.
 */
export async function diffVersions(ctx: Ctx, raw: DiffInput): Promise<DiffDto> {
  const input = DiffInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "version.view");
  if (input.from === "current" || input.to === "current") await flushDocument(input.documentId);
  const [before, after] = await Promise.all([sideSections(ctx.db, input.documentId, input.from), sideSections(ctx.db, input.documentId, input.to)]);
  const diff = diffSections(before, after);
  return { from: input.from, to: input.to, ...diff, summaryText: describeSummary(diff.summary), names: await loadFieldNames(ctx.db, doc, [...before, ...after]) };
}

/** Names the current content ("v1.0 submitted for review") as a new version. Requires `version.create`. */
export async function createNamedVersion(ctx: Ctx, raw: CreateVersionInput): Promise<VersionDto> {
  const input = CreateVersionInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "version.create");
  await flushDocument(doc.id);
  return inTransaction(ctx, async (tx) => {
    const version = await versionCurrent(tx.db, doc.id, { kind: "named", label: input.label, createdById: ctx.actor.userId });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "version.named", subjectId: doc.id, data: { number: version.number, label: input.label } });
    return (await presentVersions(tx.db, [version]))[0]!;
  });
}
