/** How long after the `attempts`-th failed send the next one is tried. */
export type RetrySchedule = (attempts: number) => number;

const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 4 * 3600_000;
/**
 * Sends tried per delivery before giving up: with the default schedule (30 s, 1, 2, 4 … minutes,
 * at most four hours apart) the last one comes about 24 hours after the first.
 */
export const MAX_WEBHOOK_ATTEMPTS = 15;

/** 30 s, 1 min, 2 min, 4 min … doubling, at most four hours. */
export const defaultSchedule: RetrySchedule = (attempts) => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
