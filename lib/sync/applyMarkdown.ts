import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import { flushDocument, replaceDocumentSections } from "../collab/gateway";
import type { SectionContent } from "../collab/ydoc";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { hashAccepted } from "../documents/contentHash";
import { updateDocument } from "../documents/documents";
import { UpdateDocumentInput } from "../documents/inputs";
import { loadDocument } from "../documents/loadDocument";
import { checkMetadataSource, updateDocumentMetadata } from "../documents/metadata";
import type { PMDoc } from "../editor/schema";
import { InvalidInput } from "../errors";
import { exportDocumentMarkdown } from "../export/exportDocument";
import { readLayout } from "../export/layout";
import { frontMatterFromRepository, type RefusedReason } from "../gitSync/frontMatterIn";
import { checkImportSize } from "../import/inputs";
import { KeyAllocator } from "../import/normalise";
import { runOffThread } from "../import/parsePool";
import { currentSections } from "../review/scope";
import type { FieldValue } from "../templates/instantiate";
import { templateAtVersion } from "../templates/templates";
import { versionCurrent } from "../versions/autoVersions";
import { presentVersions, type VersionDto } from "../versions/present";
import type { z } from "zod";
import { ApplyMarkdownInput } from "./inputs";
import { oneAtATime } from "./oneAtATime";
import { localImageSrcs } from "./imageSrcs";
import { mergeSections, type SectionChange } from "./mergeSections";
import { renamedSections, withBaseIds } from "./renamedSections";
import { titleChange } from "./titleChange";
import { sectionIds, sectionMarkdown, sectionsOf, type FileSection } from "./sectionsOf";

export { ApplyMarkdownInput } from "./inputs";

/** A section the merge took from the incoming Markdown. */
export interface AppliedSection {
  key: string;
  title: string;
  change: SectionChange;
  /** the title it had, for a section the copy renamed */
  from?: string;
}

/** A section both sides changed since the base: each side as Markdown (heading and body), null where that side removed it. */
export interface SectionConflict {
  /** the document's section key; null for a section only the incoming Markdown has */
  key: string | null;
  title: string;
  base: string | null;
  ours: string | null;
  theirs: string | null;
}

export interface ApplyMarkdownResult {
  documentId: string;
  /** what was written; empty when nothing changed or the merge was refused */
  applied: AppliedSection[];
  conflicts: SectionConflict[];
  /** whether conflicts stopped the whole change (`onConflict: "refuse"`) */
  refused: boolean;
  /** the version the change was recorded as; null when nothing was written */
  version: VersionDto | null;
  /** the document's content hash afterwards (of the accepted text, as its export prints it and approvals bind to) */
  contentHash: string;
  /** the new title, when the copy's title (its front matter `title`, or its H1) was changed and taken */
  title: string | null;
  /** whether the copy's changes to its front matter were written into the document's */
  frontMatter: boolean;
  /** whether the copy's order of the sections was taken */
  reordered: boolean;
  /** what the copy changed that is not taken, each with why (its title or front matter keys) */
  notTaken: { what: string; reason: RefusedReason }[];
}

interface StoredSection {
  key: string;
  title: string;
  depth: number;
  fields: Record<string, FieldValue>;
  body: PMDoc;
}

/**
 * Brings edits made to a copy of a document's Markdown back into the document, merging
 * section by section against what the document holds now: `base` is the Markdown the copy
 * was taken from, `markdown` the copy as edited. A section changed only in the copy takes
 * the copy's content; one changed only in the document stays; one changed on both sides is a
 * conflict. Sections the copy added are added (after the section they follow), sections it
 * removed are removed. With `onConflict: "refuse"` (the default) a conflict applies nothing;
 * with "keep" the other sections are applied and conflicting ones stay as they are. The
 * change is written through the live Y.Doc (open editors see it at once) and recorded as a
 * new version labelled `label`; approvals whose content changed go stale as with any edit.
 * Sections are matched by heading title, and a section whose heading either side renamed in
 * the same place keeps its key under its new title (`renamedSections.ts`; reported as
 * "renamed", with the title it had). The copy's title (front matter `title` or its H1) is
 * taken when the document's is still the base's; its other front matter keys are written
 * into the document's own front matter as Git sync takes them (`frontMatterIn.ts`: not keys
 * Specwright writes, keys that fill a field, keys changed on both sides, nor any key of a
 * document written in Specwright; each one not taken is named in `notTaken`); its order of
 * the sections is taken when the document's is still the base's. Requires `document.edit`;
 * NotFound outside the actor's workspaces; ImportTooLarge past the import size limit;
 * InvalidInput for empty, binary or unreadable Markdown. Nothing is changed when it throws.
 */
export async function applyMarkdown(ctx: Ctx, raw: ApplyMarkdownInput): Promise<ApplyMarkdownResult> {
  const input = ApplyMarkdownInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, input.documentId);
  authorize(membership, "document.edit");
  for (const [name, text] of [["markdown", input.markdown], ["base", input.base]] as const) {
    checkImportSize(text);
    // an empty copy would read as "every section removed"
    if (!text.trim()) throw new InvalidInput(`The ${name} is empty; nothing was changed.`, { [name]: ["empty"] });
    if (text.includes("\u0000")) throw new InvalidInput(`The ${name} is not text; nothing was changed.`, { [name]: ["binary content"] });
  }
  return oneAtATime(ctx.db, doc.id, () => mergeInto(ctx, doc, input));
}

type Loaded = Awaited<ReturnType<typeof loadDocument>>["doc"];

/** The merge itself, with the document's lock held: read the three sides, merge, write. */
async function mergeInto(ctx: Ctx, doc: Loaded, input: z.output<typeof ApplyMarkdownInput>): Promise<ApplyMarkdownResult> {
  // what editors typed a moment ago is part of what the merge compares against
  await flushDocument(doc.id);
  const [def, members, rows, current, layout] = await Promise.all([
    templateAtVersion(ctx.db, doc.templateId, doc.templateVersion),
    ctx.db.membership.findMany({ where: { workspaceId: doc.workspaceId }, include: { user: true } }),
    ctx.db.section.findMany({ where: { documentId: doc.id }, orderBy: { position: "asc" } }),
    exportDocumentMarkdown(ctx, { documentId: doc.id }),
    ctx.db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { markdownLayout: true, metadata: true, title: true } }),
  ]);
  const images = localImageSrcs(readLayout(layout.markdownLayout));
  const planCtx = { members: members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email })), creatorId: ctx.actor.userId, today: new Date().toISOString().slice(0, 10), images };
  const read = async (text: string) => sectionsOf(await runOffThread("importMarkdown", text), def, planCtx);
  const [base, copy, now] = await Promise.all([read(input.base), read(input.markdown), read(current.markdown)]);
  // a section renamed on either side is matched to the base's by the base's id, so it keeps its key
  const renamedNow = renamedSections(base, now);
  const [ours, theirs] = [withBaseIds(copy, renamedSections(base, copy)), withBaseIds(now, renamedNow)];
  const merge = mergeSections(base, ours, theirs);
  const stored = new Map<string, StoredSection>(sectionIds(rows.map((r) => r.title)).map((id, i) => [renamedNow.get(id) ?? id, { ...rows[i]!, fields: rows[i]!.fields as Record<string, FieldValue>, body: rows[i]!.body as unknown as PMDoc }]));
  const side = (sections: FileSection[], id: string) => sections.find((s) => s.id === id);
  const text = (s: FileSection | undefined) => (s ? sectionMarkdown(s) : null);
  const conflicts = merge.conflicts.map((c): SectionConflict => ({ key: stored.get(c.id)?.key ?? null, title: c.title, base: text(side(base, c.id)), ours: text(side(ours, c.id)), theirs: text(side(theirs, c.id)) }));
  const refused = conflicts.length > 0 && input.onConflict === "refuse";
  const changes = merge.changes.filter((c) => c.change !== "removed" || stored.has(c.id));
  // the title and front matter, taken as Git sync takes a file's (the title is Specwright's own key: taken here on its own terms)
  const title = titleChange(input.base, input.markdown, layout.title);
  const frontMatter = frontMatterFromRepository({ base: input.base, incoming: input.markdown, metadata: layout.metadata, layout: readLayout(layout.markdownLayout) });
  const notTaken = [...(title?.refused ? [{ what: "title", reason: title.refused }] : []), ...frontMatter.refused.filter((r) => r.key !== "title").map((r) => ({ what: r.key, reason: r.reason }))];
  const sideways = { title: title?.to ?? null, frontMatter: frontMatter.source !== null, reordered: merge.reordered, notTaken };
  if (refused) ctx.log?.info({ documentId: doc.id, conflicts: conflicts.map((c) => c.key ?? c.title) }, "markdown merge refused: sections changed on both sides");
  if (refused || (!changes.length && !merge.reordered && !sideways.title && !sideways.frontMatter)) {
    return { documentId: doc.id, applied: [], conflicts, refused, version: null, contentHash: hashAccepted(await currentSections(ctx.db, doc.id)), ...sideways, title: null, frontMatter: false, reordered: false, notTaken: refused ? [] : notTaken };
  }

  // what is written after the sections is checked before them: nothing may fail on input once the Y.Doc has changed
  if (sideways.title) UpdateDocumentInput.parse({ documentId: doc.id, title: sideways.title });
  if (frontMatter.source) checkMetadataSource(frontMatter.source);
  const keys = new KeyAllocator(rows.map((r) => r.key));
  const taken = new Set(rows.map((r) => r.key));
  const keyOf = new Map([...stored].map(([id, s]) => [id, s.key]));
  const writes: SectionContent[] = [];
  const applied: AppliedSection[] = [];
  for (const { id, change, from } of changes) {
    const mine = side(ours, id);
    const was = stored.get(id);
    if (change === "removed" || !mine) {
      if (was) applied.push({ key: was.key, title: was.title, change });
      continue;
    }
    // a section the copy added keeps the key of the template section its heading names, when the document has none of it
    const key = was?.key ?? (mine.templateKey && !taken.has(mine.templateKey) ? mine.templateKey : keys.take(mine.title, "custom"));
    taken.add(key);
    keys.reserve(key);
    keyOf.set(id, key);
    writes.push({ key, title: mine.title, depth: mine.depth, fields: mine.fields ?? was?.fields ?? {}, body: mine.body });
    applied.push({ key, title: mine.title, change, ...(from === undefined ? {} : { from }) });
  }
  const removed = new Set(applied.filter((a) => a.change === "removed").map((a) => a.key));
  const order = keptInOrder(merge.order.map((id) => keyOf.get(id)).filter((key): key is string => key !== undefined), rows.map((r) => r.key), removed);
  await replaceDocumentSections(doc.id, { sections: writes, order });
  ctx.log?.info({ documentId: doc.id, applied: applied.map((a) => `${a.change}:${a.key}`), conflicts: conflicts.length, title: Boolean(sideways.title), frontMatter: sideways.frontMatter, reordered: sideways.reordered }, "markdown merged into the document");
  await flushDocument(doc.id);
  if (frontMatter.source !== null) await updateDocumentMetadata(ctx, { documentId: doc.id, source: frontMatter.source });
  if (sideways.title) await updateDocument(ctx, { documentId: doc.id, title: sideways.title });
  return inTransaction(ctx, async (tx) => {
    const version = await versionCurrent(tx.db, doc.id, { kind: "named", label: input.label, createdById: ctx.actor.userId, authorIds: [ctx.actor.userId] });
    await recordActivity(tx, { workspaceId: doc.workspaceId, kind: "document.markdown_applied", subjectId: doc.id, data: { number: version.number, sections: applied.length, conflicts: conflicts.length, renamed: applied.flatMap((a) => (a.from === undefined ? [] : [{ from: a.from, to: a.title }])) } });
    const [presented] = await presentVersions(tx.db, [version]);
    return { documentId: doc.id, applied, conflicts, refused: false, version: presented!, contentHash: hashAccepted(await currentSections(tx.db, doc.id)), ...sideways };
  });
}

/** `order` with every stored section that was not removed in it: one the merge could not place stays after the section it followed. */
function keptInOrder(order: string[], stored: string[], removed: Set<string>): string[] {
  const result = [...order];
  stored.forEach((key, i) => {
    if (removed.has(key) || result.includes(key)) return;
    const before = stored.slice(0, i).reverse().find((k) => result.includes(k));
    result.splice(before ? result.indexOf(before) + 1 : 0, 0, key);
  });
  return result;
}
