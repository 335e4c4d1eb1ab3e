import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

/**
 * Columns no query reads unless it asks for them by name: a document's binary Yjs state
 * and an imported file's layout can each run to megabytes, and most queries that load a
 * document want neither; a person's password hash is wanted only where a password is
 * checked (and by the settings page, which asks whether there is one), never beside a name.
 */
const OMIT = { document: { yState: true, markdownLayout: true }, user: { passwordHash: true } } as const;

export type Db = PrismaClient<never, typeof OMIT>;
/** A Prisma client or the client of an open transaction. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) turn a busy
 * moment into a 500: a submit that validates every diagram inside its transaction ran past
 * 5 s on a loaded 2-core machine. A transaction that waits is slower; one that is cut off
 * fails the user's action.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

/** Creates a Prisma client on the pg driver adapter (no query engine binary). */
export function createDb(url: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), transactionOptions: TRANSACTION_OPTIONS, omit: OMIT });
}

const globalForDb = globalThis as unknown as { specwrightDb?: Db };

/** The process-wide client for DATABASE_URL, created on first use. */
export function getDb(): Db {
  if (!globalForDb.specwrightDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForDb.specwrightDb = createDb(url);
  }
  return globalForDb.specwrightDb;
}
