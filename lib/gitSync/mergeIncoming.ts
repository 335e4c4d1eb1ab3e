import type { SectionContent } from "../collab/ydoc";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { readLayout } from "../export/layout";
import { KeyAllocator } from "../import/normalise";
import { runOffThread } from "../import/parsePool";
import { applyMarkdown, type ApplyMarkdownResult, type SectionConflict } from "../sync/applyMarkdown";
import { localImageSrcs } from "../sync/imageSrcs";
import { sectionsOf } from "../sync/sectionsOf";
import type { FieldValue } from "../templates/instantiate";
import { templateAtVersion } from "../templates/templates";
import { recordConflict, type ConflictSection } from "./conflicts";

export interface MergeOutcome {
  /** sections, the title, the front matter or the order of sections were written into the document */
  changed: boolean;
  /** how many sections both sides changed (recorded as a conflict, nothing overwritten) */
  conflicts: number;
  /** what the file changed that is not taken (its title or front matter keys), each with why */
  notTaken: ApplyMarkdownResult["notTaken"];
}

interface MergeInput {
  connectionId: string;
  documentId: string;
  /** the file as both sides last agreed on it */
  base: string;
  /** the file as the repository has it now */
  incoming: string;
  commitSha: string;
}

/**
 * The repository's side of each conflicting section, as the document would hold it: the
 * file read onto the document's template as the merge reads it (`lib/sync/sectionsOf.ts`),
 * fields kept where the file has no field table, exported image paths turned back into the
 * document's image addresses.
 */
async function repositorySections(ctx: Ctx, documentId: string, incoming: string, conflicts: SectionConflict[]): Promise<ConflictSection[]> {
  const doc = await ctx.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { workspaceId: true, templateId: true, templateVersion: true, markdownLayout: true } });
  const [def, members, rows] = await Promise.all([
    templateAtVersion(ctx.db, doc.templateId, doc.templateVersion),
    ctx.db.membership.findMany({ where: { workspaceId: doc.workspaceId }, include: { user: true } }),
    ctx.db.section.findMany({ where: { documentId }, select: { key: true, fields: true } }),
  ]);
  const images = localImageSrcs(readLayout(doc.markdownLayout));
  const planCtx = { members: members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email })), creatorId: ctx.actor.userId, today: new Date().toISOString().slice(0, 10), images };
  const fileSections = sectionsOf(await runOffThread("importMarkdown", incoming), def, planCtx);
  const keys = new KeyAllocator(rows.map((r) => r.key));
  return conflicts.map((c) => {
    const key = c.key ?? keys.take(c.title, "custom");
    const mine = c.ours === null ? undefined : fileSections.find((s) => s.title === c.title);
    const stored = rows.find((r) => r.key === key);
    const repositorySection: SectionContent | null = mine
      ? { key, title: mine.title, depth: mine.depth, fields: mine.fields ?? (stored?.fields as Record<string, FieldValue> | undefined) ?? {}, body: mine.body }
      : null;
    return { key, title: c.title, specwright: c.theirs, repository: c.ours, repositorySection };
  });
}

/**
 * Brings a changed file of the repository into its document with the section merge of
 * `lib/sync/applyMarkdown.ts` (base: the file as last synced; copy: the file now; the
 * document as it is now): sections only the repository changed are written through the live
 * Y.Doc as a new version, attributed to `ctx.actor`, and approvals go stale as with any edit;
 * sections both changed are left as Specwright has them and recorded as the document's open
 * conflict, each side's text kept for a person to choose from. Its title, front matter and
 * order of sections come in as that merge takes them. Requires `document.edit`.
 */
export async function mergeIncoming(ctx: Ctx, input: MergeInput): Promise<MergeOutcome> {
  const result = await applyMarkdown(ctx, {
    documentId: input.documentId,
    base: input.base,
    markdown: input.incoming,
    onConflict: "keep",
    label: `From the repository (${input.commitSha.slice(0, 7)})`,
  });
  if (result.conflicts.length) {
    const sections = await repositorySections(ctx, input.documentId, input.incoming, result.conflicts);
    await inTransaction(ctx, (tx) => recordConflict(tx.db, { connectionId: input.connectionId, documentId: input.documentId, commitSha: input.commitSha, sections }));
  }
  return { changed: result.version !== null, conflicts: result.conflicts.length, notTaken: result.notTaken };
}
