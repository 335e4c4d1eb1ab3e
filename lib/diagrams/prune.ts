import type { Db, DbTx } from "../db";
import { getLogger } from "../observability/logger";
import { drawingKey, drawingLook } from "./drawingKey";

/** A drawing no section shows is kept this long after a page last brought it: an undo or a restore may bring its source back. */
export const DRAWING_UNUSED_MS = 30 * 24 * 60 * 60 * 1000;

/** A page notes a drawing's use at most this often, so reading a document does not write on every view. */
export const USE_NOTED_EVERY_MS = 24 * 60 * 60 * 1000;

/** The advisory lock the pruning holds while it runs, so one process of a cluster does it at a time. */
const PRUNE_LOCK = 7_240_116;

/** How long one pruning may take before its transaction is given up (it deletes nothing then). */
const PRUNE_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Notes that a page brought the drawings of these sources (sets their `lastUsedAt` when it is
 * older than USE_NOTED_EVERY_MS). Returns how many it updated. No permission check: the caller
 * read the sources from a document the actor may view.
 */
export async function markDrawingsUsed(db: DbTx, sources: string[], now = new Date()): Promise<number> {
  if (!sources.length) return 0;
  const { count } = await db.diagramDrawing.updateMany({
    where: { key: { in: sources.map(drawingKey) }, lastUsedAt: { lt: new Date(now.getTime() - USE_NOTED_EVERY_MS) } },
    data: { lastUsedAt: now },
  });
  return count;
}

/** `markDrawingsUsed` without waiting: a failure is logged, never thrown (the page is already answered). */
export function markUsedInBackground(db: DbTx, sources: string[]): void {
  if (!sources.length) return;
  markDrawingsUsed(db, sources).catch((err: unknown) => getLogger().warn({ err }, "noting the use of diagram drawings failed"));
}

export interface DrawingPruning {
  /** false when another process held the lock, so this one did nothing */
  ran: boolean;
  removed: number;
}

/**
 * Deletes the drawings that can no longer be shown or are unlikely to be again: those drawn
 * by another Mermaid version or screen look (no key finds them any more), and those whose
 * source no section body holds (trashed documents' included, as they can be restored) that
 * no page brought for `unusedMs`. Under a transaction-scoped advisory lock: when several
 * processes run it at once, one does the work and the others return `ran: false`. No
 * permission check: a maintenance job. The table is a cache, so a drawing deleted too
 * eagerly is only drawn again.
 */
export async function pruneDrawings(db: Db, options: { now?: Date; unusedMs?: number } = {}): Promise<DrawingPruning> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.unusedMs ?? DRAWING_UNUSED_MS));
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${PRUNE_LOCK}) AS "locked"`;
    if (!lock?.locked) return { ran: false, removed: 0 };
    // the Mermaid sources of every section, as lib/diagrams/sources.ts finds them in a body
    const shown = await tx.$queryRaw<{ source: string }[]>`
      SELECT DISTINCT m."node" ->> 'source' AS "source"
      FROM "Section" s, jsonb_path_query(s."body", 'strict $.** ? (@.type == "mermaid").attrs') AS m("node")
      WHERE m."node" ->> 'source' IS NOT NULL`;
    const keys = shown.map((row) => drawingKey(row.source));
    const removed = await tx.$executeRaw`
      DELETE FROM "DiagramDrawing"
      WHERE "look" <> ${drawingLook()}
         OR ("lastUsedAt" < ${cutoff} AND NOT ("key" = ANY(${keys}::text[])))`;
    return { ran: true, removed };
    // it reads every section's diagrams: more than Prisma's default 5 s on a big install
  }, { timeout: PRUNE_TIMEOUT_MS });
}
