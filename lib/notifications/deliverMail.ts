import type { Db } from "../db";
import type { MailTransport } from "../mail/sendMail";

const BATCH = 50;
const MAX_AGE_MS = 24 * 3600 * 1000;
/** A claimed row is left to its claimer this long (longer than any SMTP timeout). */
const CLAIM_MS = 10 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;
/** Sends tried per notification before giving up on it (about two hours of retries). */
export const MAX_MAIL_ATTEMPTS = 8;

/** How long to wait after the `attempts`-th failed send: 1, 2, 4 … minutes, at most an hour. */
export function mailRetryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

interface MailLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

interface DeliverOptions {
  from: string;
  baseUrl: string;
  log?: MailLog;
  now?: Date;
}

interface Claimed {
  id: string;
  email: string;
  text: string;
  url: string;
  attempts: number;
}

/**
 * Claims up to BATCH due notifications for this process: rows another process holds are
 * skipped (FOR UPDATE SKIP LOCKED), and each claimed row counts an attempt and is pushed
 * CLAIM_MS ahead, so no other process picks it up while this one sends.
 */
function claim(db: Db, now: Date): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE "Notification" AS n
    SET "mailAttempts" = n."mailAttempts" + 1, "mailNextAttemptAt" = ${new Date(now.getTime() + CLAIM_MS)}
    FROM "User" AS u
    WHERE u.id = n."userId" AND n.id IN (
      SELECT id FROM "Notification"
      WHERE "mailedAt" IS NULL
        AND "mailAttempts" < ${MAX_MAIL_ATTEMPTS}
        AND "createdAt" > ${new Date(now.getTime() - MAX_AGE_MS)}
        AND ("mailNextAttemptAt" IS NULL OR "mailNextAttemptAt" <= ${now})
      ORDER BY "createdAt"
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING n.id, u.email, n.text, n.url, n."mailAttempts" AS attempts`;
}

/**
 * Mails notifications not mailed yet (the Notification table is the outbox), at most a
 * day old, through `transport`; marks each one mailed. Several processes may run this at
 * once: each row is claimed by one of them and sent once. A failed send is logged and
 * retried after a backoff (mailRetryDelayMs); after MAX_MAIL_ATTEMPTS it is logged as
 * given up and left unmailed (still in the person's inbox). Returns how many were sent.
 */
export async function deliverPendingMail(db: Db, transport: MailTransport, options: DeliverOptions): Promise<number> {
  const now = options.now ?? new Date();
  let sent = 0;
  for (const n of await claim(db, now)) {
    try {
      await transport.sendMail({ from: options.from, to: n.email, subject: `Specwright: ${n.text.slice(0, 90)}`, text: `${n.text}\n\n${options.baseUrl}${n.url}` });
    } catch (error) {
      await recordFailure(db, n, error, now, options.log);
      continue;
    }
    await db.notification.update({ where: { id: n.id }, data: { mailedAt: new Date(), mailNextAttemptAt: null, mailLastError: null } });
    sent++;
  }
  return sent;
}

async function recordFailure(db: Db, n: Claimed, error: unknown, now: Date, log: MailLog | undefined): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const givenUp = n.attempts >= MAX_MAIL_ATTEMPTS;
  const nextAttemptAt = givenUp ? null : new Date(now.getTime() + mailRetryDelayMs(n.attempts));
  await db.notification.update({ where: { id: n.id }, data: { mailNextAttemptAt: nextAttemptAt, mailLastError: message } });
  if (givenUp) log?.error({ notificationId: n.id, attempts: n.attempts, error: message }, "gave up mailing a notification");
  else log?.warn({ notificationId: n.id, attempts: n.attempts, nextAttemptAt, error: message }, "mailing a notification failed; will retry");
}
