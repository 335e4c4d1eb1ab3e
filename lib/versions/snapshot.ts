import type { DbTx, Prisma } from "../db";
import { hashSections, type HashableSection } from "../documents/contentHash";
import type { PMDoc } from "../editor/schema";
import { NotFound } from "../errors";
import type { FieldValue } from "../templates/instantiate";
import { contentHash } from "../util/hash";
import { summarize, type VersionSummary } from "./diff";
import { readManifest, readManifestAndCheckpoint, storeManifest, type Manifest } from "./manifest";

export type VersionKind = "auto" | "named" | "status" | "restore";

export interface NewVersion {
  documentId: string;
  sections: HashableSection[];
  kind: VersionKind;
  label?: string;
  authorIds?: string[];
  createdById?: string | null;
  createdAt?: Date;
  /** automatic versions are skipped when the content equals the latest version's */
  onlyIfChanged?: boolean;
}

/** The hash a section's content is stored under. */
export function sectionHash(s: HashableSection): string {
  return contentHash({ key: s.key, title: s.title, depth: s.depth, fields: s.fields, body: s.body });
}

/** The document's newest version row, or null. */
export function latestVersion(db: DbTx, documentId: string) {
  return db.version.findFirst({ where: { documentId }, orderBy: { number: "desc" } });
}

/**
 * Records a version of a document's sections. Each section's content is written once
 * under its hash (unchanged sections cost nothing); the row keeps only the ordered
 * hashes (as a delta against a checkpoint version when few differ, see manifest.ts),
 * authors and a summary against the previous version. Clears the pending
 * changes (with `onlyIfChanged`, equal content only clears them). Call inside a transaction: the document row is locked so numbers never clash.
 */
export async function createVersion(db: DbTx, input: NewVersion) {
  await db.$queryRaw`SELECT id FROM "Document" WHERE id = ${input.documentId} FOR UPDATE`;
  const previous = await latestVersion(db, input.documentId);
  if (input.onlyIfChanged && previous?.contentHash === hashSections(input.sections)) {
    await db.versionPending.deleteMany({ where: { documentId: input.documentId } });
    return previous;
  }
  const manifest: Manifest = input.sections.map((s) => [s.key, sectionHash(s)]);
  const read = previous ? await readManifestAndCheckpoint(db, previous) : null;
  const before = read?.manifest ?? [];
  const known = new Set(before.map(([, h]) => h));
  const fresh = input.sections.flatMap((s, i) => (known.has(manifest[i]![1]) ? [] : [{ hash: manifest[i]![1], s }]));
  if (fresh.length) {
    const stored = new Set((await db.versionBlob.findMany({ where: { hash: { in: fresh.map((f) => f.hash) } }, select: { hash: true } })).map((b) => b.hash));
    const data = fresh
      .filter((f) => !stored.has(f.hash))
      .map(({ hash, s }) => ({ hash, content: { key: s.key, title: s.title, depth: s.depth, fields: s.fields, body: s.body } as unknown as Prisma.InputJsonValue }));
    if (data.length) await db.versionBlob.createMany({ data, skipDuplicates: true });
  }
  const summary: VersionSummary = summarize(before, manifest);
  const version = await db.version.create({
    data: {
      documentId: input.documentId,
      number: (previous?.number ?? 0) + 1,
      label: input.label ?? "",
      kind: input.kind,
      contentHash: hashSections(input.sections),
      sections: storeManifest(manifest, read?.checkpoint ?? null) as unknown as Prisma.InputJsonValue,
      authorIds: [...new Set(input.authorIds ?? [])],
      summary: summary as unknown as Prisma.InputJsonValue,
      createdById: input.createdById ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
  await db.versionPending.deleteMany({ where: { documentId: input.documentId } });
  return version;
}

/** The sections of one version, rebuilt from their blobs. NotFound when the version does not exist. */
export async function versionSections(db: DbTx, documentId: string, number: number): Promise<{ version: NonNullable<Awaited<ReturnType<typeof latestVersion>>>; sections: HashableSection[] }> {
  const version = await db.version.findUnique({ where: { documentId_number: { documentId, number } } });
  if (!version) throw new NotFound("Version");
  const manifest = await readManifest(db, version);
  const blobs = await db.versionBlob.findMany({ where: { hash: { in: manifest.map(([, h]) => h) } } });
  const byHash = new Map(blobs.map((b) => [b.hash, b.content as unknown as { key: string; title: string; depth: number; fields: Record<string, FieldValue>; body: PMDoc }]));
  const sections = manifest.map(([key, hash]) => {
    const blob = byHash.get(hash);
    if (!blob) throw new Error(`version ${number} of ${documentId} misses the content of section ${key}`);
    return { ...blob, key };
  });
  return { version, sections };
}
