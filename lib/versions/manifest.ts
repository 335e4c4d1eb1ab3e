import type { DbTx } from "../db";

/** A version's sections: ordered (section key, blob hash) pairs. */
export type Manifest = [string, string][];

/**
 * How a manifest is stored in `Version.sections`: in full (a checkpoint), or as the
 * sections that differ from a checkpoint version with the same section order. A delta
 * always points at a checkpoint, never at another delta, so reading one costs at most
 * one more row. Small edits make small rows.
 */
export type StoredManifest = Manifest | { base: number; changes: Manifest };

/** A delta grows as edits spread; past this many changed sections the next version is a checkpoint. */
export const MAX_DELTA = 16;

type Row = { documentId: string; number: number; sections: unknown };

function isDelta(stored: unknown): stored is { base: number; changes: Manifest } {
  return typeof stored === "object" && stored !== null && !Array.isArray(stored) && "base" in stored;
}

/** The full manifest of a stored version, and the checkpoint it is stored against (itself when stored in full). */
export async function readManifestAndCheckpoint(db: DbTx, row: Row): Promise<{ manifest: Manifest; checkpoint: { number: number; manifest: Manifest } }> {
  if (!isDelta(row.sections)) {
    const manifest = row.sections as Manifest;
    return { manifest, checkpoint: { number: row.number, manifest } };
  }
  const { base, changes } = row.sections;
  const stored = await db.version.findUniqueOrThrow({ where: { documentId_number: { documentId: row.documentId, number: base } }, select: { sections: true } });
  const full = stored.sections as Manifest;
  const changed = new Map(changes);
  return { manifest: full.map(([key, hash]) => [key, changed.get(key) ?? hash]), checkpoint: { number: base, manifest: full } };
}

/** The full manifest of a stored version. */
export async function readManifest(db: DbTx, row: Row): Promise<Manifest> {
  return (await readManifestAndCheckpoint(db, row)).manifest;
}

/** How to store `manifest` given the checkpoint the previous version used: a delta when the order is the same and few sections differ. */
export function storeManifest(manifest: Manifest, checkpoint: { number: number; manifest: Manifest } | null): StoredManifest {
  if (!checkpoint || checkpoint.manifest.length !== manifest.length || checkpoint.manifest.some(([key], i) => manifest[i]![0] !== key)) return manifest;
  const changes = manifest.filter(([, hash], i) => checkpoint.manifest[i]![1] !== hash);
  return changes.length <= MAX_DELTA ? { base: checkpoint.number, changes } : manifest;
}

/** The full manifests of several stored versions of one document, reading each checkpoint they need once. */
export async function readManifests(db: DbTx, rows: Row[]): Promise<Manifest[]> {
  const bases = [...new Set(rows.flatMap((r) => (isDelta(r.sections) ? [r.sections.base] : [])))];
  const full = new Map(rows.filter((r) => !isDelta(r.sections)).map((r) => [r.number, r.sections as Manifest]));
  const missing = bases.filter((b) => !full.has(b));
  if (missing.length) {
    const stored = await db.version.findMany({ where: { documentId: rows[0]!.documentId, number: { in: missing } }, select: { number: true, sections: true } });
    stored.forEach((s) => full.set(s.number, s.sections as Manifest));
  }
  return rows.map((row) => {
    if (!isDelta(row.sections)) return row.sections as Manifest;
    const base = full.get(row.sections.base);
    if (!base) throw new Error(`version ${row.number} of ${row.documentId} misses its checkpoint ${row.sections.base}`);
    const changed = new Map(row.sections.changes);
    return base.map(([key, hash]) => [key, changed.get(key) ?? hash]);
  });
}
