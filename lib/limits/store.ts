import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { TooManyRequests } from "../errors";
import { getLogger } from "../observability/logger";

const TABLE = "rate_limits"; // created by a migration (model RateLimit)

const globalForLimits = globalThis as unknown as { specwrightLimitPool?: pg.Pool; specwrightLimiters?: Map<string, RateLimiterPostgres> };

/** A small pool of its own on DATABASE_URL: counters are single upserts, atomic in PostgreSQL. */
function pool(): pg.Pool {
  if (!globalForLimits.specwrightLimitPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const created = new pg.Pool({ connectionString, max: 4, allowExitOnIdle: true });
    // an idle connection dropped by the server (restart, shutdown) must not crash the app;
    // the pool opens a new one on the next count
    // (the error names its client, whose connection settings stay out of the log)
    created.on("error", (error: Error & { code?: string }) => getLogger().warn({ err: { message: error.message, code: error.code } }, "rate-limit connection lost"));
    globalForLimits.specwrightLimitPool = created;
  }
  return globalForLimits.specwrightLimitPool;
}

/**
 * The shared limiter named `name`: `points` per `durationSeconds` for each key, counted in
 * PostgreSQL so every app process sees the same counts.
 */
export function limiter(name: string, points: number, durationSeconds: number): RateLimiterPostgres {
  const limiters = (globalForLimits.specwrightLimiters ??= new Map());
  const id = `${name}:${points}:${durationSeconds}`;
  let found = limiters.get(id);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: durationSeconds,
      // one limiter sweeps expired rows of the shared table
      clearExpiredByTimeout: limiters.size === 0,
    });
    limiters.set(id, found);
  }
  return found;
}

/** Closes the counters' connections (shutdown, before PostgreSQL stops); the next count opens new ones. */
export async function closeLimits(): Promise<void> {
  const open = globalForLimits.specwrightLimitPool;
  globalForLimits.specwrightLimitPool = undefined;
  globalForLimits.specwrightLimiters = undefined;
  await open?.end();
}

/** The retry time of a refusal, in whole seconds (at least 1). */
export function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Consumes one point of `key`; throws TooManyRequests once the key is over its limit. Store
 * failures propagate (an unreachable database refuses the request rather than skipping
 * the limit).
 */
export async function consume(l: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await l.consume(key, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new TooManyRequests(retryAfter(error));
    throw error;
  }
}
