import { getDb } from "../lib/db";
import { mailPollMs } from "../lib/mail/pollInterval";
import { getTransport } from "../lib/mail/sendMail";
import { deliverPendingMail } from "../lib/notifications/deliverMail";
import { getLogger } from "../lib/observability/logger";

/**
 * Mails inbox notifications every MAIL_POLL_SECONDS when SMTP_URL is set; returns a stop
 * function. Every app process runs this loop; the outbox hands each notification to one of them.
 */
export function startMailer(): () => void {
  const transport = getTransport();
  if (!transport) return () => {};
  const everyMs = mailPollMs();
  const log = getLogger().child({ component: "mailer" });
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const sent = await deliverPendingMail(getDb(), transport, {
        from: process.env.MAIL_FROM ?? "Specwright <no-reply@localhost>",
        baseUrl: process.env.NEXTAUTH_URL ?? "",
        log,
      });
      if (sent) log.info({ sent }, "notifications mailed");
    } catch (error) {
      log.error({ err: error }, "mailing notifications failed");
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
