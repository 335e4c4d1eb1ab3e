import { authorize } from "../access/policy";
import { flushDocument } from "../collab/gateway";
import type { Ctx } from "../context";
import { fieldLabel } from "../documents/fieldWords";
import { loadDocument } from "../documents/loadDocument";
import { loadFieldNames } from "../documents/loadFieldNames";
import { NotFound } from "../errors";
import { currentSections } from "../review/scope";
import { diffSections } from "./diff";
import { RestoreInput } from "./inputs";
import { describeRestoreChange, restoreChanges, type RestoreChange } from "./restoreChanges";
import { versionSections } from "./snapshot";

export interface RestorePreviewDto {
  number: number;
  /** the restored section's title in the version, for a one-section restore */
  sectionTitle: string | null;
  /** each section that would change, with what happens to it in words */
  changes: (RestoreChange & { text: string })[];
}

/**
 * What restoring a version, or one section of it, would change in the current content,
 * section by section; it changes nothing. Requires `version.restore`; NotFound for another
 * workspace's document, an unknown version or a section the version does not have.
 */
export async function previewRestore(ctx: Ctx, raw: RestoreInput): Promise<RestorePreviewDto> {
  const input = RestoreInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "version.restore");
  // what editors typed a moment ago is part of what the restore would replace
  await flushDocument(doc.id);
  const [{ sections }, current] = await Promise.all([versionSections(ctx.db, doc.id, input.number), currentSections(ctx.db, doc.id)]);
  const section = input.sectionKey ? sections.find((s) => s.key === input.sectionKey) : undefined;
  if (input.sectionKey && !section) throw new NotFound("Section");
  // a one-section restore compares that section alone, not the whole document
  const [before, after] = section ? [current.filter((s) => s.key === section.key), [section]] : [current, sections];
  const names = await loadFieldNames(ctx.db, doc, [...before, ...after]);
  const changes = restoreChanges(diffSections(before, after), { sectionKey: input.sectionKey, fieldLabel: (s, f) => fieldLabel(names, s, f) });
  return { number: input.number, sectionTitle: section?.title ?? null, changes: changes.map((c) => ({ ...c, text: describeRestoreChange(c) })) };
}
