import nodemailer, { type Transporter } from "nodemailer";
import { getLogger } from "../observability/logger";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** What sending needs from a transport (nodemailer's, or a test's). */
export interface MailTransport {
  sendMail(mail: Mail & { from: string }): Promise<unknown>;
}

let transport: Transporter | null | undefined;
const globalForMail = globalThis as unknown as { specwrightMailTransport?: MailTransport | null; specwrightMailPending?: Set<Promise<boolean>> };

/** The SMTP transport from SMTP_URL, or null when mail is not configured. */
export function getTransport(): Transporter | null {
  if (transport === undefined) transport = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transport;
}

/** Sends account mail through `t` instead of SMTP_URL (null: as if mail were not configured); undefined restores SMTP_URL. */
export function useMailTransport(t: MailTransport | null | undefined): void {
  globalForMail.specwrightMailTransport = t;
}

function activeTransport(): MailTransport | null {
  return globalForMail.specwrightMailTransport !== undefined ? globalForMail.specwrightMailTransport : getTransport();
}

/** Whether mail can be sent (SMTP_URL is set). Features that need a mailbox check this. */
export function mailConfigured(): boolean {
  return activeTransport() !== null;
}

/** The public base URL for links in mails. */
export function baseUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/**
 * Sends a plain-text mail through SMTP_URL. Without SMTP configured it sends nothing and
 * returns false; the UI shows links (such as invites) so nothing depends on mail.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const t = activeTransport();
  if (!t) return false;
  try {
    await t.sendMail({ from: process.env.MAIL_FROM ?? "Specwright <no-reply@localhost>", ...mail });
    return true;
  } catch (error) {
    getLogger().warn({ err: error, to: mail.to }, "mail not sent");
    return false;
  }
}

/** Waits before the 2nd, 3rd and 4th try of a queued account mail. */
export const ACCOUNT_MAIL_RETRY_MS = [10_000, 60_000, 300_000] as const;

async function sendWithRetries(mail: Mail, retryDelaysMs: readonly number[]): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    if (await sendMail(mail)) return true;
    const delay = retryDelaysMs[attempt - 1];
    if (delay === undefined || !activeTransport()) {
      getLogger().error({ to: mail.to, subject: mail.subject, attempts: attempt }, "gave up sending a mail");
      return false;
    }
    getLogger().warn({ to: mail.to, attempts: attempt, retryInMs: delay }, "mail will be retried");
    await new Promise((resolve) => setTimeout(resolve, delay).unref());
  }
}

/**
 * Sends a mail in the background: the caller's answer and timing do not depend on the SMTP
 * server (account mails must not tell who has an account). Only the process that took the
 * request sends it, so it goes out once; a failed send is logged and retried after each of
 * `retryDelaysMs`, then logged as given up. The mail is held in memory only: its links carry
 * tokens that are stored nowhere else in clear, so it is not written to the database.
 */
export function queueMail(mail: Mail, retryDelaysMs: readonly number[] = ACCOUNT_MAIL_RETRY_MS): void {
  const pending = (globalForMail.specwrightMailPending ??= new Set());
  const sending = sendWithRetries(mail, retryDelaysMs).finally(() => pending.delete(sending));
  pending.add(sending);
}

/** Waits for queued mails to be handed to the transport (tests, shutdown). */
export async function flushMail(): Promise<void> {
  await Promise.all([...(globalForMail.specwrightMailPending ?? [])]);
}
