import type { Actor, Ctx } from "../context";
import { Prisma, type Db } from "../db";
import { Conflict, InvalidInput } from "../errors";
import { limit } from "../limits/limit";
import { mailConfigured, queueMail } from "../mail/sendMail";
import { createWorkspace } from "../workspaces/createWorkspace";
import type { WorkspaceDto } from "../workspaces/present";
import { verifyEmailMail } from "./mails";
import { verifyPassword } from "./password";
import { VerifyEmailInput } from "./schema";
import { hashToken } from "../util/hash";
import { issueToken, useToken, type TokenKind } from "./tokens";

export const VERIFY_TTL_MS = 24 * 3600 * 1000;
export const LINK_INVALID = "This link is invalid, used or expired.";
export const WRONG_SIGNUP_PASSWORD = "That is not the password chosen when signing up.";

/** The sign-up kept in a "signup" token until its address is confirmed. */
export interface PendingSignUp {
  name: string;
  passwordHash: string;
}

export type VerifyResult = { kind: "verified"; email: string } | { kind: "signedUp"; actor: Actor; workspace: WorkspaceDto };

/**
 * Mails the actor a link that confirms their address. TooManyRequests after 3 account mails
 * an hour to the address; InvalidInput when mail is not configured or it is already verified.
 */
export async function sendVerificationMail(ctx: Ctx): Promise<void> {
  if (!mailConfigured()) throw new InvalidInput("Mail is not set up on this server. Ask a workspace admin to confirm your address.");
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.userId } });
  if (user.emailVerifiedAt) throw new InvalidInput("Your address is already confirmed.");
  await limit("accountMail", user.email);
  const token = await issueToken(ctx.db, { kind: "verify_email", email: user.email, userId: user.id, ttlMs: VERIFY_TTL_MS });
  queueMail(verifyEmailMail(user.email, token));
}

/** What a confirmation link is for, while it is usable (for the page that opens it); null otherwise. */
export async function peekConfirmationLink(db: Db, token: string): Promise<TokenKind | null> {
  if (!token || token.length > 200) return null;
  const row = await db.authToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || (row.kind !== "verify_email" && row.kind !== "signup")) return null;
  return row.kind;
}

/**
 * Opens a mailed confirmation link (once: the token is used up). A "verify_email" token
 * marks its user's address verified; a "signup" token creates the pending account, verified,
 * with a workspace of its own, but only with the password chosen at sign-up: someone who
 * signed up with another person's address cannot have them confirm an account whose
 * password the impostor knows. InvalidInput for an unknown, used or expired link or a wrong
 * password (the link stays usable); Conflict when the address got an account meanwhile.
 */
export async function verifyEmail(db: Db, raw: VerifyEmailInput): Promise<VerifyResult> {
  const { token, password } = VerifyEmailInput.parse(raw);
  return db.$transaction(async (tx): Promise<VerifyResult> => {
    const row = (await useToken(tx, "verify_email", token)) ?? (await useToken(tx, "signup", token));
    if (!row) throw new InvalidInput(LINK_INVALID);
    if (row.kind === "verify_email") {
      // only while the account still has the address the link was sent to
      const { count } = await tx.user.updateMany({ where: { id: row.userId ?? "", email: row.email }, data: { emailVerifiedAt: new Date() } });
      if (count === 0) throw new InvalidInput(LINK_INVALID);
      return { kind: "verified", email: row.email };
    }
    const pending = row.data as unknown as PendingSignUp;
    // throwing rolls the transaction back, so a wrong password does not use the link up
    if (!(await verifyPassword(password ?? "", pending.passwordHash))) {
      throw new InvalidInput(WRONG_SIGNUP_PASSWORD, { password: [WRONG_SIGNUP_PASSWORD] });
    }
    // the password hash need not outlive the sign-up
    await tx.authToken.update({ where: { id: row.id }, data: { data: Prisma.DbNull } });
    if (await tx.user.findUnique({ where: { email: row.email } })) throw new Conflict("This address already has an account. Sign in instead.");
    const user = await tx.user.create({ data: { email: row.email, name: pending.name, passwordHash: pending.passwordHash, emailVerifiedAt: new Date() } });
    const actor: Actor = { userId: user.id, email: user.email, name: user.name };
    const workspace = await createWorkspace({ actor, db: tx }, { name: `${pending.name.split(/\s+/)[0]}'s workspace` });
    return { kind: "signedUp", actor, workspace };
  });
}
