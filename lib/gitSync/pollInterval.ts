import { z } from "zod";

const pollSeconds = z.coerce.number().int().min(10).max(86_400).default(300);

/** How often each connection is polled for commits, in ms: GIT_SYNC_POLL_SECONDS (10–86400, default 300). */
export function gitSyncPollMs(value = process.env.GIT_SYNC_POLL_SECONDS): number {
  const parsed = pollSeconds.safeParse(value?.trim() ? value : undefined);
  if (!parsed.success) throw new Error(`GIT_SYNC_POLL_SECONDS must be a whole number of seconds from 10 to 86400, not "${value}".`);
  return parsed.data * 1000;
}
