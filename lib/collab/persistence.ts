import { createHash } from "node:crypto";
import * as Y from "yjs";
import type { Db, DbTx, Prisma } from "../db";
import type { PMDoc } from "../editor/schema";
import { DomainError, NotFound } from "../errors";
import type { FieldValue } from "../templates/instantiate";
import { contentChanged } from "../documents/contentChanged";
import { hashSections } from "../documents/contentHash";
import { canonicalJson } from "../util/hash";
import { getLogger } from "../observability/logger";
import { sectionsToYDoc, yDocToSections, type ProjectedSection } from "./ydoc";

/** Largest Yjs state we keep for one document; larger edits are refused (Outline stops at 1.5 MB). */
export const MAX_STATE_BYTES = 5 * 1024 * 1024;

export class DocumentTooLarge extends DomainError {
  constructor(readonly bytes: number) {
    super(`This document has grown past ${MAX_STATE_BYTES / 1024 / 1024} MB and cannot be saved. Remove content or split it.`, "too_large");
  }
}

/**
 * The Yjs state of a document, for the collaboration server and for the page that opens
 * it. A new document's state is built when it is created (`buildDocumentState`); one made
 * before that was, or whose state was never stored, is built here on its first open.
 * Throws NotFound when the document does not exist, so a failed load never yields an empty
 * document that a later store would save.
 */
export async function loadDocumentState(db: Db | DbTx, documentId: string): Promise<Uint8Array> {
  const doc = await readState(db, documentId);
  if (!doc) throw new NotFound("Document");
  if (doc.state) return doc.state;
  return buildDocumentState(db, documentId);
}

/**
 * Builds a document's Yjs state from its Section rows and stores it, unless a state was
 * stored first: whoever builds it first stores it, and everyone else reads that stored
 * state, so two independently built histories never meet (merged, they would duplicate
 * every section). Creating a document calls it in the same transaction, so that opening
 * one only reads (a 200-section document's first open built it on every page that raced).
 */
export async function buildDocumentState(db: Db | DbTx, documentId: string): Promise<Uint8Array> {
  const rows = await db.section.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  const ydoc = new Y.Doc();
  sectionsToYDoc(
    ydoc,
    rows.map((r) => ({ key: r.key, title: r.title, depth: r.depth, fields: r.fields as Record<string, FieldValue>, body: r.body as unknown as PMDoc })),
  );
  const built = Y.encodeStateAsUpdate(ydoc);
  // compare-and-set: only the first builder's state is kept
  const count = await db.$executeRaw`UPDATE "Document" SET "yState" = decode(${base64(built)}, 'base64') WHERE "id" = ${documentId} AND "yState" IS NULL`;
  if (count === 1) return built;
  const stored = await readState(db, documentId);
  if (!stored?.state) throw new NotFound("Document");
  return stored.state;
}

/**
 * A document's stored Yjs state, null when it has none; undefined when the document does
 * not exist. Read as base64 text: the driver adapter hands `bytea` columns over as arrays
 * of numbers, one element per byte, which costs milliseconds of the event loop per
 * 100 KB of state.
 */
export async function readState(db: Db | DbTx, documentId: string): Promise<{ state: Uint8Array | null } | undefined> {
  const rows = await db.$queryRaw<{ y: string | null }[]>`SELECT encode("yState", 'base64') AS y FROM "Document" WHERE "id" = ${documentId}`;
  if (!rows.length) return undefined;
  const y = rows[0]!.y;
  return { state: y === null ? null : new Uint8Array(Buffer.from(y, "base64")) };
}

/**
 * What each Y.Doc last stored itself: the SHA-256 of the state written, and the Section rows
 * written with it (the projection and its content hash). While the stored state's digest is
 * still this one, the rows in the database are exactly these: nobody writes Section rows
 * without the state.
 */
interface Held {
  digest: string;
  sections: ProjectedSection[];
  hash: string;
}
const heldStores = new WeakMap<Y.Doc, Held>();
const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
const digestOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

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
  const held = heldStores.get(ydoc);
  const result = await db.$transaction(async (tx) => {
    // what is stored is read whole only when it is not what this Y.Doc stored last: then it
    // may hold what another process stored since
    const locked = await tx.$queryRaw<{ digest: string | null }[]>`SELECT encode(sha256("yState"), 'hex') AS digest FROM "Document" WHERE "id" = ${documentId} FOR UPDATE`;
    if (!locked.length) throw new NotFound("Document");
    const digest = locked[0]!.digest;
    const stored = digest !== null && digest !== held?.digest ? ((await readState(tx, documentId))?.state ?? null) : null;
    const merged = stored && !Y.snapshotContainsUpdate(liveSnapshot, stored) ? mergedDoc(live, stored) : null;
    const state = merged ? Y.encodeStateAsUpdate(merged) : live;
    if (state.byteLength > MAX_STATE_BYTES) throw new DocumentTooLarge(state.byteLength);
    // the rows stored are the ones this Y.Doc wrote last, unless someone stored since
    const previous = !merged && digest !== null && digest === held?.digest ? held : null;
    const { hash, sections } = await writeProjection(tx, documentId, merged ?? ydoc, state, options.authorIds ?? [], previous);
    const missing = merged && stored ? Y.diffUpdate(stored, Y.encodeStateVectorFromUpdate(live)) : null;
    return { bytes: state.byteLength, hash, sections, missing, written: merged ? null : state };
  });
  // what was written is this Y.Doc's own state: the next store need not read it back
  if (result.written) heldStores.set(ydoc, { digest: digestOf(result.written), sections: result.sections, hash: result.hash });
  return { bytes: result.bytes, hash: result.hash, missing: result.missing };
}

function mergedDoc(live: Uint8Array, stored: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, live);
  Y.applyUpdate(doc, stored);
  return doc;
}

type Row = Pick<ProjectedSection, "title" | "depth" | "position" | "fields" | "body" | "text">;

const rowData = (s: ProjectedSection): Row => ({ title: s.title, depth: s.depth, position: s.position, fields: s.fields, body: s.body, text: s.text });

/**
 * Writes the state, its content hash and the Section rows that changed; runs
 * `contentChanged` when the content changed. `previous`: the rows this Y.Doc wrote last,
 * when they are still the stored ones (else they are read).
 */
async function writeProjection(tx: DbTx, documentId: string, ydoc: Y.Doc, state: Uint8Array, authorIds: string[], previous: Held | null): Promise<{ hash: string; sections: ProjectedSection[] }> {
  const repairs: string[] = [];
  const sections = yDocToSections(ydoc, (sectionKey, what) => repairs.push(`${sectionKey}: ${what}`));
  if (repairs.length) getLogger().warn({ documentId, repairs: repairs.slice(0, 20) }, "projection repaired while storing");
  const hash = hashSections(sections);
  // raw statements for the bytes and the changed sections: through the query builder a 50 KB
  // state alone costs about 10 ms of the event loop per store, in SQL about 2 ms
  await tx.$executeRaw`UPDATE "Document" SET "yState" = decode(${base64(state)}, 'base64'), "contentHash" = ${hash}, "updatedAt" = now() WHERE "id" = ${documentId}`;
  const stored = previous ? { before: previous.sections, hash: previous.hash } : await storedSections(tx, documentId);
  const byKey = new Map(stored.before.map((row) => [row.key, row]));
  const keep = new Set(sections.map((s) => s.key));
  const removed = stored.before.filter((row) => !keep.has(row.key)).map((row) => row.key);
  if (removed.length) await tx.$executeRaw`DELETE FROM "Section" WHERE "documentId" = ${documentId} AND "key" = ANY(${removed})`;
  for (const s of sections) {
    const row = byKey.get(s.key);
    const data = rowData(s);
    if (!row) {
      await tx.section.create({ data: { ...data, fields: s.fields as Prisma.InputJsonValue, body: s.body as unknown as Prisma.InputJsonValue, documentId, key: s.key } });
      continue;
    }
    // a section nobody touched since is the very same projection (sectionCache.ts)
    const same = row.body === s.body && row.fields === s.fields ? row.title === s.title && row.depth === s.depth && row.position === s.position : canonicalJson(rowData(row)) === canonicalJson(data);
    if (!same) {
      await tx.$executeRaw`UPDATE "Section" SET "title" = ${data.title}, "depth" = ${data.depth}, "position" = ${data.position}, "fields" = ${JSON.stringify(data.fields)}::jsonb, "body" = ${JSON.stringify(data.body)}::jsonb, "text" = ${data.text}, "updatedAt" = now() WHERE "documentId" = ${documentId} AND "key" = ${s.key}`;
    }
  }
  if (stored.hash !== hash) await contentChanged(tx, { documentId, before: stored.before, after: sections, authorIds });
  return { hash, sections };
}

/** The Section rows as stored, and their content hash. */
async function storedSections(tx: DbTx, documentId: string): Promise<{ before: ProjectedSection[]; hash: string }> {
  const rows = await tx.$queryRaw<{ key: string; title: string; depth: number; position: number; fields: Prisma.JsonValue; body: Prisma.JsonValue; text: string }[]>`
    SELECT "key", "title", "depth", "position", "fields", "body", "text" FROM "Section" WHERE "documentId" = ${documentId} ORDER BY "position" ASC`;
  const before = rows.map((r) => ({ key: r.key, title: r.title, depth: r.depth, position: r.position, fields: r.fields as Record<string, FieldValue>, body: r.body as unknown as PMDoc, text: r.text }));
  return { before, hash: hashSections(before) };
}
