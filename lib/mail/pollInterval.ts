import { z } from "zod";

const pollSeconds = z.coerce.number().int().min(1).max(3600).default(15);

/** How often each process polls the mail outbox, in ms: MAIL_POLL_SECONDS (1–3600, default 15). */
export function mailPollMs(value = process.env.MAIL_POLL_SECONDS): number {
  const parsed = pollSeconds.safeParse(value?.trim() ? value : undefined);
  if (!parsed.success) throw new Error(`MAIL_POLL_SECONDS must be a whole number of seconds from 1 to 3600, not "${value}".`);
  return parsed.data * 1000;
}
