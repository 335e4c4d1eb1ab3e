import { RateLimiterMemory } from "rate-limiter-flexible";
import { TooManyRequests } from "../errors";

/**
 * Counts failures per key (an email, an IP) in a sliding window and refuses further
 * attempts once `points` failures are reached. In memory: one app process; several
 * processes would share a store (rate-limiter-flexible has Redis/Postgres ones).
 */
export class FailureLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly points: number,
    durationSeconds: number,
  ) {
    this.limiter = new RateLimiterMemory({ points, duration: durationSeconds });
  }

  /** Throws TooManyRequests when any key has used up its failures. */
  async check(keys: string[]): Promise<void> {
    for (const key of keys) {
      const res = await this.limiter.get(key);
      if (res && res.consumedPoints >= this.points) throw new TooManyRequests(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    }
  }

  /** Records one failure for every key. */
  async fail(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.limiter.penalty(key, 1)));
  }

  /** Forgets a key's failures (after a success). */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

const globalForLimits = globalThis as unknown as { specwrightSignInLimiter?: FailureLimiter };

/** 5 failed sign-ins a minute per email or per IP. */
export function signInLimiter(): FailureLimiter {
  globalForLimits.specwrightSignInLimiter ??= new FailureLimiter(5, 60);
  return globalForLimits.specwrightSignInLimiter;
}
