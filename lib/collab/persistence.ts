import * as Y from "yjs";
import type { Db, DbTx, Prisma } from "../db";
import type { PMDoc } from "../editor/schema";
import { DomainError, NotFound } from "../errors";
import type { FieldValue } from "../templates/instantiate";
import { contentChanged } from "../documents/contentChanged";
import { hashSections } from "../documents/contentHash";
import { canonicalJson } from "../util/hash";
import { getLogger } from "../observability/logger";
import { sectionsToYDoc, yDocToSections } from "./ydoc";

/** Largest Yjs state we keep for one document; larger edits are refused (Outline stops at 1.5 MB). */
export const MAX_STATE_BYTES = 5 * 1024 * 1024;

export class DocumentTooLarge extends DomainError {
  constructor(readonly bytes: number) {
    super(`This document has grown past ${MAX_STATE_BYTES / 1024 / 1024} MB and cannot be saved. Remove content or split it.`, "too_large");
  }
}

/**
 * The Yjs state of a document, for the collaboration server and for the page that opens
 * it. A document never opened before is built once from its Section rows and stored at
 * once: whoever builds it first (the page or the socket) stores it, and everyone else
 * reads that stored state, so two independently built histories never meet (merged, they
 * would duplicate every section). Throws NotFound when the document does not exist, so
 * a failed load never yields an empty document that a later store would save.
 */
export async function loadDocumentState(db: Db | DbTx, documentId: string): Promise<Uint8Array> {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { yState: true } });
  if (!doc) throw new NotFound("Document");
  if (doc.yState) return new Uint8Array(doc.yState);
  const rows = await db.section.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  const ydoc = new Y.Doc();
  sectionsToYDoc(
    ydoc,
    rows.map((r) => ({ key: r.key, title: r.title, depth: r.depth, fields: r.fields as Record<string, FieldValue>, body: r.body as unknown as PMDoc })),
  );
  const built = Y.encodeStateAsUpdate(ydoc);
  // compare-and-set: only the first builder's state is kept
  const { count } = await db.document.updateMany({ where: { id: documentId, yState: null }, data: { yState: Buffer.from(built) } });
  if (count === 1) return built;
  const stored = await db.document.findUnique({ where: { id: documentId }, select: { yState: true } });
  if (!stored?.yState) throw new NotFound("Document");
  return new Uint8Array(stored.yState);
}

/** What a store wrote, and what the stored state held that the stored Y.Doc lacked. */
export interface StoreResult {
  bytes: number;
  hash: string;
  /**
   * Changes stored by someone else (another process) that `ydoc` did not have, as a Yjs
   * update to apply to it; null when it had them all.
   */
  missing: Uint8Array | null;
}

/**
 * Stores a document by merging: in one transaction the stored state is read under its row
 * lock, merged with the Y.Doc's state, and the merged state is written and projected into
 * the Section rows (fields, body JSON, plain text) that everything else reads. Nothing
 * another process stored is ever overwritten; what it stored that `ydoc` lacks comes back
 * as `missing`. Writes only sections that changed; when the content changed, runs
 * `contentChanged` (`authorIds`: whose edits this store holds). Throws DocumentTooLarge
 * past MAX_STATE_BYTES (nothing is written). Whatever the state holds, the projection is
 * readable: parts outside the document model are repaired in the Section rows (and
 * logged), the binary state is kept as it is.
 */
export async function storeDocumentState(db: Db, documentId: string, ydoc: Y.Doc, options: { authorIds?: string[] } = {}): Promise<StoreResult> {
  // taken together, before any wait: what this store holds of the live document
  const live = Y.encodeStateAsUpdate(ydoc);
  const liveSnapshot = Y.snapshot(ydoc);
  if (live.byteLength > MAX_STATE_BYTES) throw new DocumentTooLarge(live.byteLength);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ yState: Uint8Array | null }[]>`SELECT "yState" FROM "Document" WHERE "id" = ${documentId} FOR UPDATE`;
    if (!rows.length) throw new NotFound("Document");
    const stored = rows[0]!.yState ? new Uint8Array(rows[0]!.yState) : null;
    const merged = stored && !Y.snapshotContainsUpdate(liveSnapshot, stored) ? mergedDoc(live, stored) : null;
    const state = merged ? Y.encodeStateAsUpdate(merged) : live;
    if (state.byteLength > MAX_STATE_BYTES) throw new DocumentTooLarge(state.byteLength);
    const { hash } = await writeProjection(tx, documentId, merged ?? ydoc, state, options.authorIds ?? []);
    const missing = merged && stored ? Y.diffUpdate(stored, Y.encodeStateVectorFromUpdate(live)) : null;
    return { bytes: state.byteLength, hash, missing };
  });
}

function mergedDoc(live: Uint8Array, stored: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, live);
  Y.applyUpdate(doc, stored);
  return doc;
}

/** Writes the state, its content hash and the Section rows; runs `contentChanged` when the content changed. */
async function writeProjection(tx: DbTx, documentId: string, ydoc: Y.Doc, state: Uint8Array, authorIds: string[]): Promise<{ hash: string }> {
  const repairs: string[] = [];
  const sections = yDocToSections(ydoc, (sectionKey, what) => repairs.push(`${sectionKey}: ${what}`));
  if (repairs.length) getLogger().warn({ documentId, repairs: repairs.slice(0, 20) }, "projection repaired while storing");
  const hash = hashSections(sections);
  await tx.document.update({ where: { id: documentId }, data: { yState: Buffer.from(state), contentHash: hash } });
  const existing = await tx.section.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  const before = existing.map((r) => ({ key: r.key, title: r.title, depth: r.depth, fields: r.fields as Record<string, FieldValue>, body: r.body as unknown as PMDoc }));
  const byKey = new Map(existing.map((row) => [row.key, row]));
  const keep = new Set(sections.map((s) => s.key));
  const removed = existing.filter((row) => !keep.has(row.key)).map((row) => row.id);
  if (removed.length) await tx.section.deleteMany({ where: { id: { in: removed } } });
  for (const s of sections) {
    const data = {
      title: s.title,
      depth: s.depth,
      position: s.position,
      fields: s.fields as Prisma.InputJsonValue,
      body: s.body as unknown as Prisma.InputJsonValue,
      text: s.text,
    };
    const row = byKey.get(s.key);
    if (!row) await tx.section.create({ data: { ...data, documentId, key: s.key } });
    else if (canonicalJson({ title: row.title, depth: row.depth, position: row.position, fields: row.fields, body: row.body, text: row.text }) !== canonicalJson(data)) {
      await tx.section.update({ where: { id: row.id }, data });
    }
  }
  if (hashSections(before) !== hash) await contentChanged(tx, { documentId, before, after: sections, authorIds });
  return { hash };
}
