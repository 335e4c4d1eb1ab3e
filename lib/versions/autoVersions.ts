import type { Db, DbTx } from "../db";
import type { HashableSection } from "../documents/contentHash";
import { currentSections } from "../review/scope";
import { createVersion } from "./snapshot";

/** Editing pauses this long make a version; continuous editing makes one this often. */
export const IDLE_MS = 2 * 60_000;
export const CONTINUOUS_MS = 10 * 60_000;

export interface ContentChange {
  documentId: string;
  /** the projection before this store (the Section rows) and after it */
  before: HashableSection[];
  after: HashableSection[];
  /** people whose edits this store contains */
  authorIds: string[];
  now?: Date;
}

/**
 * Called by the collaboration store, in its transaction, when the projection changed.
 * The first change of a never-versioned document keeps the content as created (version 1);
 * a change after an idle pause keeps the content as it was at the pause; ten minutes of
 * continuous editing make a version of the current content. Otherwise the change is
 * noted as pending (who, since when), for the next version to pick up.
 */
export async function recordContentChange(db: DbTx, change: ContentChange): Promise<void> {
  const now = change.now ?? new Date();
  // one raw query on every store: the pending changes and whether a version exists
  const [noted] = await db.$queryRaw<{ authorIds: string[] | null; since: Date | null; lastAt: Date | null; versioned: boolean }[]>`
    SELECT p."authorIds", p."since", p."lastAt", EXISTS (SELECT 1 FROM "Version" v WHERE v."documentId" = ${change.documentId}) AS "versioned"
    FROM (SELECT 1) AS "one" LEFT JOIN "VersionPending" p ON p."documentId" = ${change.documentId}`;
  let pending = noted?.since && noted.lastAt ? { authorIds: noted.authorIds ?? [], since: noted.since, lastAt: noted.lastAt } : null;
  if (!noted?.versioned && change.before.length) {
    const doc = await db.document.findUniqueOrThrow({ where: { id: change.documentId }, select: { createdAt: true } });
    await createVersion(db, { documentId: change.documentId, sections: change.before, kind: "auto", label: "Created", authorIds: pending?.authorIds ?? [], createdAt: doc.createdAt });
    pending = null;
  } else if (pending && now.getTime() - pending.lastAt.getTime() >= IDLE_MS) {
    await createVersion(db, { documentId: change.documentId, sections: change.before, kind: "auto", authorIds: pending.authorIds, createdAt: pending.lastAt, onlyIfChanged: true });
    pending = null;
  }
  const since = pending?.since ?? now;
  const authorIds = [...new Set([...(pending?.authorIds ?? []), ...change.authorIds])];
  if (now.getTime() - since.getTime() >= CONTINUOUS_MS) {
    await createVersion(db, { documentId: change.documentId, sections: change.after, kind: "auto", authorIds, onlyIfChanged: true });
    return;
  }
  await db.$executeRaw`
    INSERT INTO "VersionPending" ("documentId", "authorIds", "since", "lastAt") VALUES (${change.documentId}, ${authorIds}::text[], ${since}, ${now})
    ON CONFLICT ("documentId") DO UPDATE SET "authorIds" = EXCLUDED."authorIds", "since" = EXCLUDED."since", "lastAt" = EXCLUDED."lastAt"`;
}

/**
 * Makes a version of the stored content when editing has paused for IDLE_MS (or at once
 * with `force`, e.g. at shutdown). Does nothing without pending changes. Every process that
 * stored the document runs this when its timer fires: the document's row lock comes first,
 * so the first one makes the version (clearing the pending changes) and the others find
 * nothing pending. `authorIds`: authors of stored edits not yet noted as pending (edits
 * another process made and handed over). Returns whether this call made the version.
 */
export async function versionIfIdle(db: Db, documentId: string, options: { force?: boolean; now?: Date; authorIds?: string[] } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Document" WHERE id = ${documentId} FOR UPDATE`;
    const pending = await tx.versionPending.findUnique({ where: { documentId } });
    if (!pending || (!options.force && now.getTime() - pending.lastAt.getTime() < IDLE_MS)) return false;
    const authorIds = [...new Set([...pending.authorIds, ...(options.authorIds ?? [])])];
    await createVersion(tx, { documentId, sections: await currentSections(tx, documentId), kind: "auto", authorIds, createdAt: pending.lastAt, onlyIfChanged: true });
    return true;
  });
}

/**
 * Timers for the collaboration server: each store re-arms its document's timer, which
 * makes the idle version once no store came for IDLE_MS.
 */
export function createIdleVersioner(run: (documentId: string) => Promise<unknown>, idleMs = IDLE_MS) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    touch(documentId: string): void {
      clearTimeout(timers.get(documentId));
      const timer = setTimeout(() => {
        timers.delete(documentId);
        void run(documentId).catch(() => undefined);
      }, idleMs + 1000);
      timer.unref?.();
      timers.set(documentId, timer);
    },
    /** Stops the timers; returns the documents that had one (their pending changes are still unversioned). */
    stop(): string[] {
      const ids = [...timers.keys()];
      timers.forEach((t) => clearTimeout(t));
      timers.clear();
      return ids;
    },
  };
}

/**
 * A version of the stored content for a workflow step, with the pending authors: always a
 * new one for `status`/`named`, or the latest when the content is unchanged for `auto`.
 * Runs in the caller's transaction.
 */
export async function versionCurrent(db: DbTx, documentId: string, input: { kind: "auto" | "status" | "named" | "restore"; label?: string; createdById?: string | null; authorIds?: string[] }) {
  const pending = await db.versionPending.findUnique({ where: { documentId } });
  return createVersion(db, {
    documentId,
    sections: await currentSections(db, documentId),
    kind: input.kind,
    label: input.label,
    createdById: input.createdById,
    authorIds: [...(pending?.authorIds ?? []), ...(input.authorIds ?? [])],
    onlyIfChanged: input.kind === "auto",
  });
}
