import { z } from "zod";
import { getDb } from "../lib/db";
import { deliverPendingWebhooks, WEBHOOK_BATCH } from "../lib/webhooks/deliver";
import { startPeriodic } from "./periodic";

const pollSeconds = z.coerce.number().int().min(1).max(3600).default(10);

/** How often each process looks for webhook deliveries to send, in ms: WEBHOOK_POLL_SECONDS (1–3600, default 10). */
export function webhookPollMs(value = process.env.WEBHOOK_POLL_SECONDS): number {
  const parsed = pollSeconds.safeParse(value?.trim() ? value : undefined);
  if (!parsed.success) throw new Error(`WEBHOOK_POLL_SECONDS must be a whole number of seconds from 1 to 3600, not "${value}".`);
  return parsed.data * 1000;
}

/**
 * Sends due webhook deliveries every WEBHOOK_POLL_SECONDS; returns a stop function. Every app
 * process runs this loop; the outbox hands each delivery to one of them (see deliver.ts).
 */
export function startWebhookSender(): () => void {
  const everyMs = webhookPollMs();
  return startPeriodic({
    component: "webhooks",
    failed: "sending webhooks failed",
    everyMs,
    firstAfterMs: everyMs,
    async run(log) {
      // a batch all delivered may leave more due rows: take a few more batches before waiting
      for (let i = 0; i < 10; i++) {
        const delivered = await deliverPendingWebhooks(getDb(), { baseUrl: process.env.NEXTAUTH_URL ?? "", log });
        if (delivered) log.info({ delivered }, "webhooks delivered");
        if (delivered < WEBHOOK_BATCH) break;
      }
    },
  });
}
