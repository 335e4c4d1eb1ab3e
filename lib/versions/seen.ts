import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { loadDocument } from "../documents/loadDocument";
import { hashSections } from "../documents/contentHash";
import { currentSections } from "../review/scope";
import { describeSummary, diffSections, type VersionSummary } from "./diff";
import { ListVersionsInput } from "./inputs";
import { latestVersion, versionSections } from "./snapshot";

export interface SinceSeenDto {
  /** the version the actor saw last, null on a first visit */
  lastSeen: number | null;
  latest: number | null;
  /** what changed from `lastSeen` to the current content */
  summary: VersionSummary;
  summaryText: string;
  changed: boolean;
}

/**
 * "What changed since I last looked": the actor's last seen version against the current
 * content. Then records the latest version as seen (unless `peek`). Requires `version.view`.
 */
export async function changesSinceSeen(ctx: Ctx, raw: ListVersionsInput & { peek?: boolean }): Promise<SinceSeenDto> {
  const { documentId } = ListVersionsInput.parse(raw);
  const { membership } = await loadDocument(ctx, documentId);
  authorize(membership, "version.view");
  const [seen, latest] = await Promise.all([
    ctx.db.versionSeen.findUnique({ where: { userId_documentId: { userId: ctx.actor.userId, documentId } } }),
    latestVersion(ctx.db, documentId),
  ]);
  const empty = { changed: 0, added: 0, removed: 0, moved: 0 };
  let summary: VersionSummary = empty;
  if (seen) {
    const current = await currentSections(ctx.db, documentId);
    const { sections, version } = await versionSections(ctx.db, documentId, seen.number);
    if (version.contentHash !== hashSections(current)) summary = diffSections(sections, current).summary;
  }
  if (latest && !raw.peek) {
    await ctx.db.versionSeen.upsert({
      where: { userId_documentId: { userId: ctx.actor.userId, documentId } },
      create: { userId: ctx.actor.userId, documentId, number: latest.number },
      update: { number: latest.number, seenAt: new Date() },
    });
  }
  const text = describeSummary(summary);
  return { lastSeen: seen?.number ?? null, latest: latest?.number ?? null, summary, summaryText: text, changed: Boolean(text) };
}
