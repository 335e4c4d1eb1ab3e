import pg from "pg";
import { afterEach } from "vitest";

/**
 * A connection answers one query at a time. pg 8 queues a query sent while another is under
 * way (and warns that pg 9 will not); inside a transaction every query goes to its one
 * connection, so a `Promise.all` over queries there, or a Prisma `include` of two relations
 * (Prisma sends their queries at once), would break on pg 9. Here a test that sends one
 * fails, naming both queries.
 */
type Internals = { _activeQuery?: { text?: string } | null; _queryQueue?: unknown[] };

const overlaps: string[] = [];
const sqlOf = (text: string | undefined) => (text ?? "(a query without text)").replace(/\s+/g, " ").slice(0, 200);
const query = pg.Client.prototype.query;

pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const self = this as unknown as Internals;
  if (!Array.isArray(self._queryQueue)) throw new Error("pg's client no longer keeps _queryQueue: tests/support/oneQueryAtATime.ts needs updating");
  const running = self._activeQuery ?? (self._queryQueue[0] as Internals["_activeQuery"]);
  if (running) {
    const sent = args[0];
    overlaps.push(`${sqlOf(typeof sent === "string" ? sent : (sent as { text?: string } | undefined)?.text)}\n    sent while this one was under way on the same connection: ${sqlOf(running.text)}`);
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

afterEach(() => {
  if (!overlaps.length) return;
  const found = overlaps.splice(0);
  throw new Error(`${found.length} queries were sent on a connection busy with another (pg 9 refuses them; inside a transaction, send them one after another):\n  ${found.join("\n  ")}`);
});
