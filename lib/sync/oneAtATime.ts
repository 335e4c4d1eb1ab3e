import type { Db, DbTx } from "../db";
import { isClient } from "../db/tx";

/**
 * Runs `fn` while holding a transaction-scoped advisory lock for the document, so merges
 * into one document run one after the other on every app process: each reads the content
 * the one before it wrote. The lock's transaction writes nothing; `fn` does its own writes
 * (the live document's store, the version) outside it. Within a caller's transaction, the
 * lock is taken on it.
 */
export async function oneAtATime<T>(db: Db | DbTx, documentId: string, fn: () => Promise<T>): Promise<T> {
  const lock = (tx: DbTx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sync.applyMarkdown:${documentId}`}))`;
  if (!isClient(db)) {
    await lock(db);
    return fn();
  }
  return db.$transaction(
    async (tx) => {
      await lock(tx);
      return fn();
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
