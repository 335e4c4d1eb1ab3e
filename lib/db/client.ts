import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
/** A Prisma client or the client of an open transaction. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Creates a Prisma client on the pg driver adapter (no query engine binary). */
export function createDb(url: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
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
