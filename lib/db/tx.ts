import type { Ctx } from "../context";
import type { Db, DbTx } from "./client";

/** True for a Prisma client, false for the client of an open transaction. */
export function isClient(db: DbTx): db is Db {
  return typeof (db as Partial<Db>).$transaction === "function";
}

/** Runs `fn` in a transaction, or inside the one `ctx.db` already is. */
export async function inTransaction<T>(ctx: Ctx, fn: (tctx: Ctx) => Promise<T>): Promise<T> {
  if (!isClient(ctx.db)) return fn(ctx);
  return ctx.db.$transaction((tx) => fn({ ...ctx, db: tx }));
}
