import type { Db } from "../db";
import { InvalidInput } from "../errors";
import { ipRange } from "../limits/ipRange";
import { limit, withinLimit } from "../limits/limit";
import { queueMail } from "../mail/sendMail";
import { resetPasswordMail } from "./mails";
import { hashPassword } from "./password";
import { revokeOtherSessions } from "./revokeSessions";
import { ResetPasswordInput, ResetRequestInput } from "./schema";
import { issueToken, useToken } from "./tokens";
import { LINK_INVALID } from "./verifyEmail";

const RESET_TTL_MS = 3600 * 1000;

/**
 * Mails a one-time reset link (valid an hour) when the address has an account. Answers the
 * same whether or not it has: the caller learns nothing. TooManyRequests after 10 requests an
 * hour from one network; at most 3 account mails an hour reach one address (silently).
 */
export async function requestPasswordReset(db: Db, raw: ResetRequestInput, ip?: string): Promise<void> {
  const { email } = ResetRequestInput.parse(raw);
  if (ip) await limit("passwordReset", ipRange(ip));
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user || !(await withinLimit("accountMail", email))) return;
  const token = await issueToken(db, { kind: "reset_password", email, userId: user.id, ttlMs: RESET_TTL_MS });
  queueMail(resetPasswordMail(email, token));
}

/**
 * Sets a new password from a mailed reset link (once: the token is used up, and the user's
 * other reset links with it). Opening the link proves the mailbox, so the address counts as
 * verified. Every session of the user ends. InvalidInput for an unknown, used or expired link.
 */
export async function resetPassword(db: Db, raw: ResetPasswordInput): Promise<{ email: string }> {
  const input = ResetPasswordInput.parse(raw);
  const passwordHash = await hashPassword(input.password);
  const userId = await db.$transaction(async (tx) => {
    const row = await useToken(tx, "reset_password", input.token);
    if (!row?.userId) throw new InvalidInput(LINK_INVALID);
    const { count } = await tx.user.updateMany({ where: { id: row.userId, email: row.email }, data: { passwordHash } });
    if (count === 0) throw new InvalidInput(LINK_INVALID);
    await tx.user.updateMany({ where: { id: row.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    await tx.authToken.updateMany({ where: { userId: row.userId, kind: "reset_password", usedAt: null }, data: { usedAt: new Date() } });
    return row.userId;
  });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  await revokeOtherSessions(db, userId);
  return { email: user.email };
}
