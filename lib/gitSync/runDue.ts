import type { Db } from "../db";
import { DomainError } from "../errors";
import { GitError } from "./git";
import { SecretKeyError } from "../secrets/secretBox";
import { syncConnection, type SyncOptions, type SyncReport } from "./syncConnection";

/** A claimed connection is left to its claimer this long (far longer than a sync may take). */
const LEASE_MS = 10 * 60_000;
/** Connections one run claims at most. */
export const GIT_SYNC_BATCH = 5;

/**
 * Claims due connections for this process: enabled, due, and not leased to another process
 * (FOR UPDATE SKIP LOCKED), each leased for LEASE_MS so no other process syncs it meanwhile.
 * `only` claims one connection whatever its due time ("Sync now").
 */
async function claim(db: Db, now: Date, only?: string): Promise<string[]> {
  const until = new Date(now.getTime() + LEASE_MS);
  const rows = only
    ? await db.$queryRaw<{ id: string }[]>`
        UPDATE "GitConnection" SET "leaseUntil" = ${until}
        WHERE id IN (SELECT id FROM "GitConnection" WHERE id = ${only} AND enabled AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now}) FOR UPDATE SKIP LOCKED)
        RETURNING id`
    : await db.$queryRaw<{ id: string }[]>`
        UPDATE "GitConnection" SET "leaseUntil" = ${until}
        WHERE id IN (
          SELECT id FROM "GitConnection"
          WHERE enabled AND "nextSyncAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
          ORDER BY "nextSyncAt", id LIMIT ${GIT_SYNC_BATCH}
          FOR UPDATE SKIP LOCKED)
        RETURNING id`;
  return rows.map((r) => r.id);
}

/** What an admin may read about a failed sync: git's words (credentials scrubbed) or the domain's, never a stack. */
function describe(error: unknown): string {
  if (error instanceof GitError || error instanceof DomainError || error instanceof SecretKeyError) return error.message.slice(0, 2000);
  return "The sync failed on the server; its log has the details.";
}

export interface RunOptions extends SyncOptions {
  /** how long until a connection is polled again (GIT_SYNC_POLL_SECONDS) */
  pollMs: number;
  now?: Date;
}

/** Syncs one claimed connection, records the outcome, and releases it. */
async function runClaimed(db: Db, id: string, options: RunOptions): Promise<SyncReport | null> {
  let report: SyncReport | null = null;
  try {
    report = await syncConnection(db, id, options);
    options.log?.info({ connectionId: id, head: report.head, committed: report.committed.length, ...Object.fromEntries(Object.entries(report.incoming).map(([k, v]) => [k, v.length])) }, "git sync done");
  } catch (error) {
    options.log?.warn({ connectionId: id, error: describe(error) }, "git sync failed; will retry");
    await db.gitConnection.updateMany({ where: { id }, data: { lastError: describe(error), lastErrorAt: new Date() } });
  }
  // requests made while it ran are taken at once; otherwise it waits for the next poll
  const waiting = await db.gitSyncRequest.count({ where: { connectionId: id } });
  const now = new Date();
  await db.gitConnection.updateMany({ where: { id }, data: { leaseUntil: null, nextSyncAt: new Date(now.getTime() + (waiting && report ? 0 : options.pollMs)) } });
  return report;
}

/**
 * Syncs every due connection this process can claim (see `claim`), one after another, and
 * records each one's last sync or last error. Several processes may run this at once: each
 * connection is synced by one of them at a time. Returns how many were synced.
 */
export async function syncDueConnections(db: Db, options: RunOptions): Promise<number> {
  let synced = 0;
  for (const id of await claim(db, options.now ?? new Date())) if (await runClaimed(db, id, options)) synced++;
  return synced;
}

/** Syncs one connection now when no other process holds it; null when it is busy elsewhere (or failed: see its last error). */
export async function syncConnectionNow(db: Db, connectionId: string, options: RunOptions): Promise<SyncReport | null | "busy"> {
  const [id] = await claim(db, options.now ?? new Date(), connectionId);
  if (!id) return "busy";
  return runClaimed(db, id, options);
}
