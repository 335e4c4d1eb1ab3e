import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import type { DbTx } from "../db";
import { loadDocument } from "../documents/loadDocument";
import { DocumentRef } from "../documents/inputs";
import type { PMDoc } from "../editor/schema";
import { drawingKey } from "./drawingKey";
import { diagramSources } from "./sources";

/** The largest drawing kept (UTF-8 bytes); a larger one is drawn by the browser each time. */
export const MAX_DRAWING_BYTES = 256 * 1024;
/** The most drawing bytes one page brings; diagrams past it are drawn by the browser. */
export const MAX_PAGE_DRAWING_BYTES = 1024 * 1024;

export interface DocumentDrawings {
  /** source → SVG, for the diagrams whose drawing is cached (within MAX_PAGE_DRAWING_BYTES) */
  drawings: Record<string, string>;
  /** sources with no cached drawing yet */
  missing: string[];
}

/** The cached drawings of these sources, by source, in their order, up to `budget` bytes in all. */
export async function cachedDrawings(db: DbTx, sources: string[], budget = MAX_PAGE_DRAWING_BYTES): Promise<{ found: Map<string, string>; missing: string[] }> {
  const found = new Map<string, string>();
  if (!sources.length) return { found, missing: [] };
  const keys = new Map(sources.map((s) => [s, drawingKey(s)]));
  const rows = await db.diagramDrawing.findMany({ where: { key: { in: [...keys.values()] } }, select: { key: true, svg: true } });
  const byKey = new Map(rows.map((r) => [r.key, r.svg]));
  const missing: string[] = [];
  let left = budget;
  for (const [source, key] of keys) {
    const svg = byKey.get(key);
    if (svg === undefined) missing.push(source);
    else if (Buffer.byteLength(svg) <= left) {
      found.set(source, svg);
      left -= Buffer.byteLength(svg);
    }
  }
  return { found, missing };
}

/**
 * The cached drawings of a document's diagrams, for its page, and the diagrams that have
 * none yet. Requires `document.view`; NotFound outside the actor's workspaces.
 */
export async function getDocumentDrawings(ctx: Ctx, raw: DocumentRef): Promise<DocumentDrawings> {
  const { documentId } = DocumentRef.parse(raw);
  const { membership } = await loadDocument(ctx, documentId);
  authorize(membership, "document.view");
  const sections = await ctx.db.section.findMany({ where: { documentId }, orderBy: { position: "asc" }, select: { body: true } });
  return drawingsOf(ctx.db, sections.map((s) => s.body as unknown as PMDoc));
}

/** The cached drawings of the diagrams in these bodies (a document the caller may view, already loaded), and those with none. */
export async function drawingsOf(db: DbTx, bodies: PMDoc[]): Promise<DocumentDrawings> {
  const { found, missing } = await cachedDrawings(db, diagramSources(bodies));
  return { drawings: Object.fromEntries(found), missing };
}
