import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import type { HashableSection } from "../documents/contentHash";
import { loadDocument } from "../documents/loadDocument";
import { currentSections } from "../review/scope";
import { describeSummary, sameSection, type VersionSummary } from "./diff";
import { ListVersionsInput } from "./inputs";
import { readManifests, type Manifest } from "./manifest";
import { changedByOthers, hashChanged, touchedByOthers } from "./sinceSeen";
import { sectionHash } from "./snapshot";

export interface SinceSeenDto {
  /** the version the actor saw last, null on a first visit */
  lastSeen: number | null;
  latest: number | null;
  /** what others changed from `lastSeen` to the current content (the actor's own edits left out) */
  summary: VersionSummary;
  summaryText: string;
  changed: boolean;
}

const EMPTY: VersionSummary = { changed: 0, added: 0, removed: 0, moved: 0 };

/**
 * What others changed from the actor's last seen version to the current content, by
 * comparing section hashes of the versions in between (and of the stored content not yet
 * versioned), each step attributed to its authors. Then records the latest version as seen
 * (unless `peek`). Requires `version.view`.
 */
export async function changesSinceSeen(ctx: Ctx, raw: ListVersionsInput & { peek?: boolean }): Promise<SinceSeenDto> {
  const { documentId } = ListVersionsInput.parse(raw);
  const { doc, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "version.view");
  const userId = ctx.actor.userId;
  const seen = await ctx.db.versionSeen.findUnique({ where: { userId_documentId: { userId, documentId } } });
  // a first visit needs only the latest version's number
  const rows = await ctx.db.version.findMany({
    where: { documentId, ...(seen ? { number: { gte: seen.number } } : {}) },
    orderBy: { number: seen ? "asc" : "desc" },
    select: { documentId: true, number: true, sections: true, authorIds: true, contentHash: true },
    ...(seen ? {} : { take: 1 }),
  });
  const latest = rows[rows.length - 1] ?? null;
  const summary = seen && rows[0]?.number === seen.number ? await othersChanges(ctx, { documentId, contentHash: doc.contentHash }, rows, userId) : EMPTY;
  if (latest && !raw.peek) {
    await ctx.db.versionSeen.upsert({
      where: { userId_documentId: { userId, documentId } },
      create: { userId, documentId, number: latest.number },
      update: { number: latest.number, seenAt: new Date() },
    });
  }
  const text = describeSummary(summary);
  return { lastSeen: seen?.number ?? null, latest: latest?.number ?? null, summary, summaryText: text, changed: Boolean(text) };
}

type Row = { documentId: string; number: number; sections: unknown; authorIds: string[]; contentHash: string };

/** `rows`: the seen version, then every later one. Reads manifests only when someone else changed something. */
async function othersChanges(ctx: Ctx, doc: { documentId: string; contentHash: string | null }, rows: Row[], userId: string): Promise<VersionSummary> {
  const latest = rows[rows.length - 1]!;
  const byOthers = (authorIds: string[]) => !authorIds.length || authorIds.some((id) => id !== userId);
  // the stored content equals the latest version unless its hash says otherwise (unknown for a never-edited document)
  const unversioned = doc.contentHash !== latest.contentHash;
  const pending = unversioned ? await ctx.db.versionPending.findUnique({ where: { documentId: doc.documentId } }) : null;
  const pendingAuthors = pending?.authorIds ?? [];
  if (!rows.slice(1).some((r) => byOthers(r.authorIds)) && !(unversioned && byOthers(pendingAuthors))) return EMPTY;
  const manifests = await readManifests(ctx.db, rows);
  const steps = rows.map((r, i) => ({ manifest: manifests[i]!, authorIds: r.authorIds }));
  const known = new Map<string, HashableSection>();
  if (unversioned) {
    const sections = await currentSections(ctx.db, doc.documentId);
    const current: Manifest = sections.map((s) => {
      const hash = sectionHash(s);
      known.set(hash, s);
      return [s.key, hash];
    });
    steps.push({ manifest: current, authorIds: pendingAuthors });
  }
  const others = touchedByOthers(steps, userId);
  return changedByOthers(steps, userId, await alikeSections(ctx, hashChanged(steps).filter((c) => others.has(c.key)), known));
}

/** Of the sections whose hash changed, those whose content still compares as unchanged (reads only their two sides). */
async function alikeSections(ctx: Ctx, changed: { key: string; before: string; after: string }[], known: Map<string, HashableSection>): Promise<Set<string>> {
  const wanted = [...new Set(changed.flatMap((c) => [c.before, c.after]))].filter((h) => !known.has(h));
  if (wanted.length) {
    const blobs = await ctx.db.versionBlob.findMany({ where: { hash: { in: wanted } } });
    blobs.forEach((b) => known.set(b.hash, b.content as unknown as HashableSection));
  }
  return new Set(changed.filter((c) => known.has(c.before) && known.has(c.after) && sameSection(known.get(c.before)!, known.get(c.after)!)).map((c) => c.key));
}
