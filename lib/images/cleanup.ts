import type { Db } from "../db";

/** Images younger than this are kept even when nothing refers to them yet: an editor may still be inserting one. */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

/** The advisory lock the cleanup holds while it runs, so one process of a cluster does it at a time. */
const CLEANUP_LOCK = 7_240_115;

/** How long one cleanup may take before its transaction is given up (it removes nothing then). */
const CLEANUP_TIMEOUT_MS = 10 * 60 * 1000;

/** An image address as documents, versions, templates and comments write it; the id is its first group. */
const IMAGE_REF = "/api/images/([A-Za-z0-9_-]{1,64})";

export interface OrphanCleanup {
  /** false when another process held the lock, so this one did nothing */
  ran: boolean;
  removed: { id: string; workspaceId: string }[];
}

/**
 * Removes images nothing refers to any more: not a document's sections (fields and bodies,
 * deleted documents included, as they can be restored), its Yjs state or stored layout, not
 * any version, template or comment. An image uploaded (or uploaded again, see `saveImage`)
 * less than `graceMs` ago is kept. One statement under a transaction-scoped advisory lock: when
 * several processes run it at once, one does the work and the others return `ran: false`;
 * run again, it removes nothing more. No permission check: a maintenance job.
 */
export async function removeOrphanImages(db: Db, options: { now?: Date; graceMs?: number } = {}): Promise<OrphanCleanup> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.graceMs ?? ORPHAN_GRACE_MS));
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${CLEANUP_LOCK}) AS "locked"`;
    if (!lock?.locked) return { ran: false, removed: [] };
    const removed = await tx.$queryRaw<{ id: string; workspaceId: string }[]>`
      WITH "content" ("text") AS (
        SELECT s."body"::text || ' ' || s."fields"::text FROM "Section" s
        UNION ALL SELECT encode(d."yState", 'escape') FROM "Document" d WHERE d."yState" IS NOT NULL
        UNION ALL SELECT d."markdownLayout"::text FROM "Document" d WHERE d."markdownLayout" IS NOT NULL
        UNION ALL SELECT b."content"::text FROM "VersionBlob" b
        UNION ALL SELECT t."definition"::text FROM "Template" t
        UNION ALL SELECT v."definition"::text FROM "TemplateVersion" v
        UNION ALL SELECT c."body" FROM "Comment" c
      ),
      "referenced" ("id") AS (
        SELECT DISTINCT m[1] FROM "content", regexp_matches("content"."text", ${IMAGE_REF}, 'g') AS m
        WHERE strpos("content"."text", '/api/images/') > 0
      )
      DELETE FROM "Image" i
      WHERE i."createdAt" < ${cutoff}
        -- a prefix: in the binary Yjs state the next bytes may read as more of the id
        AND NOT EXISTS (SELECT 1 FROM "referenced" r WHERE starts_with(r."id", i."id"))
      RETURNING i."id", i."workspaceId"`;
    return { ran: true, removed };
    // it reads every document's content: more than Prisma's default 5 s on a big install
  }, { timeout: CLEANUP_TIMEOUT_MS });
}
