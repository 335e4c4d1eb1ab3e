import nodemailer, { type Transporter } from "nodemailer";
import { getLogger } from "../observability/logger";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | null | undefined;

/** The SMTP transport from SMTP_URL, or null when mail is not configured. */
export function getTransport(): Transporter | null {
  if (transport === undefined) transport = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transport;
}

/**
 * Sends a plain-text mail through SMTP_URL. Without SMTP configured it sends nothing and
 * returns false; the UI shows links (such as invites) so nothing depends on mail.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const t = getTransport();
  if (!t) return false;
  try {
    await t.sendMail({ from: process.env.MAIL_FROM ?? "Specwright <no-reply@localhost>", ...mail });
    return true;
  } catch (error) {
    getLogger().warn({ err: error, to: mail.to }, "mail not sent");
    return false;
  }
}
