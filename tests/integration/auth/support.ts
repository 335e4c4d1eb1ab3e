import { signUp } from "@/lib/auth/signUp";
import type { SignUpInput } from "@/lib/auth/schema";
import type { MailTransport, Mail } from "@/lib/mail/sendMail";
import { testDb } from "../../support/db";

/** Signs up without mail configured, where the account is created at once. */
export async function signUpNow(input: SignUpInput) {
  const result = await signUp(testDb(), input);
  if (result.status !== "created") throw new Error("expected the account to be created");
  return result;
}

/** A mail transport that keeps what it is given, for tests that read the mailed links. */
export function mailbox(): MailTransport & { sent: Mail[]; linkTo(address: string, path: string): string } {
  const sent: Mail[] = [];
  return {
    sent,
    async sendMail(mail) {
      sent.push(mail);
    },
    linkTo(address, path) {
      const mail = [...sent].reverse().find((m) => m.to === address && m.text.includes(path));
      const token = mail ? new RegExp(`${path.replace("?", "\\?")}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text)?.[1] : undefined;
      if (!token) throw new Error(`no ${path} link mailed to ${address}`);
      return token;
    },
  };
}
