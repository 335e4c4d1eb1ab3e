import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import { flushDocument, replaceDocumentSections } from "../collab/gateway";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { loadDocument } from "../documents/loadDocument";
import { Conflict, NotFound } from "../errors";
import { currentSections } from "../review/scope";
import { versionCurrent } from "./autoVersions";
import { RestoreInput } from "./inputs";
import { presentVersions, type VersionDto } from "./present";
import { restoresNothing } from "./restoreChanges";
import { versionSections } from "./snapshot";

/**
 * Restores a whole version, or one section of it, through the live Y.Doc (open editors see
 * it at once), then records the result as a new version: history is never rewritten.
 * Requires `version.restore`; NotFound for another workspace's document, an unknown
 * version or a section the version does not have; Conflict, changing nothing, when the
 * restore would leave the content as it is.
 */
export async function restoreVersion(ctx: Ctx, raw: RestoreInput): Promise<VersionDto> {
  const input = RestoreInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "version.restore");
  const { sections } = await versionSections(ctx.db, doc.id, input.number);
  const chosen = input.sectionKey ? sections.filter((s) => s.key === input.sectionKey) : sections;
  if (!chosen.length) throw new NotFound("Section");
  // what editors typed a moment ago is part of what the restore would replace
  await flushDocument(doc.id);
  if (restoresNothing(await currentSections(ctx.db, doc.id), chosen, input.sectionKey)) {
    throw new Conflict(input.sectionKey ? `Nothing to restore: “${chosen[0]!.title}” in v${input.number} is the same as in the current document.` : `Nothing to restore: v${input.number} is the same as the current document.`);
  }
  const positions = Object.fromEntries(sections.map((s, i) => [s.key, i]));
  await replaceDocumentSections(doc.id, input.sectionKey ? { sections: chosen, positions } : { sections: chosen, order: sections.map((s) => s.key) });
  await flushDocument(doc.id);
  const title = chosen[0]!.title;
  const label = input.sectionKey ? `Restored “${title}” from v${input.number}` : `Restored v${input.number}`;
  return inTransaction(ctx, async (tx) => {
    const version = await versionCurrent(tx.db, doc.id, { kind: "restore", label, createdById: ctx.actor.userId, authorIds: [ctx.actor.userId] });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "version.restored", subjectId: doc.id, data: { from: input.number, number: version.number, ...(input.sectionKey ? { section: input.sectionKey } : {}) } });
    return (await presentVersions(tx.db, [version]))[0]!;
  });
}
