import type { Actor } from "../context";
import type { Db } from "../db";
import { Prisma } from "../db";
import { Conflict, Forbidden } from "../errors";
import { ipRange } from "../limits/ipRange";
import { limit, withinLimit } from "../limits/limit";
import { mailConfigured, queueMail } from "../mail/sendMail";
import { acceptInvite } from "../workspaces/acceptInvite";
import { createWorkspace } from "../workspaces/createWorkspace";
import type { WorkspaceDto } from "../workspaces/present";
import { alreadyRegisteredMail, finishSignUpMail } from "./mails";
import { hashPassword } from "./password";
import { SignUpInput } from "./schema";
import { SIGN_UP_BY_INVITE, signUpByInviteOnly } from "./signUpMode";
import { hashToken } from "../util/hash";
import { issueToken } from "./tokens";
import { VERIFY_TTL_MS, type PendingSignUp } from "./verifyEmail";

export type SignUpResult =
  /** the account exists and its owner may sign in now */
  | { status: "created"; actor: Actor; workspace: WorkspaceDto }
  /** a link was mailed; the same answer whether or not the address had an account */
  | { status: "checkEmail" };

export const DUPLICATE_EMAIL = "An account with this email already exists. Sign in instead.";

/**
 * Signs up with email and password (see lib/auth/README.md for the design):
 * - with sign-up by invitation (signUpMode.ts: SIGNUP=invite, or no mail once the site has an
 *   account) and no invite for this very address: Forbidden, the same answer for every
 *   address, before that address is looked up;
 * - with an invite for this very address: the account is created at once, verified, in the
 *   invited workspace (Conflict when the address is taken);
 * - with mail configured: nothing is created yet. A fresh address gets a link that creates
 *   the account; a taken one gets a "someone tried to sign up" mail. The caller gets
 *   `checkEmail` either way, after the same work (a bcrypt hash, one mail queued);
 * - without mail, open (SIGNUP=open, or the site's first account): the account is created at
 *   once, unverified, with a workspace of its own; a taken address is a Conflict (there is
 *   no mailbox to tell the owner instead).
 * TooManyRequests after 100 sign-ups an hour from one network (`ip` given by the edge).
 */
export async function signUp(db: Db, raw: SignUpInput, ip?: string): Promise<SignUpResult> {
  const input = SignUpInput.parse(raw);
  if (ip) await limit("signUp", ipRange(ip));
  const passwordHash = await hashPassword(input.password);
  const invite = input.inviteToken ? await db.invite.findUnique({ where: { tokenHash: hashToken(input.inviteToken) } }) : null;
  const invitedHere = invite?.email === input.email;
  if (!invitedHere && (await signUpByInviteOnly(db))) throw new Forbidden(SIGN_UP_BY_INVITE);
  if (!invitedHere && mailConfigured()) {
    const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    // a mail bomb is refused silently: the answer must not differ
    const mayMail = await withinLimit("accountMail", input.email);
    if (taken) {
      if (mayMail) queueMail(alreadyRegisteredMail(input.email));
    } else {
      const data: PendingSignUp = { name: input.name, passwordHash };
      const token = await issueToken(db, { kind: "signup", email: input.email, data: { ...data }, ttlMs: VERIFY_TTL_MS });
      if (mayMail) queueMail(finishSignUpMail(input.email, token));
    }
    return { status: "checkEmail" };
  }
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email } })) throw new Conflict(DUPLICATE_EMAIL);
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, emailVerifiedAt: invitedHere ? new Date() : null },
      });
      const actor: Actor = { userId: user.id, email: user.email, name: user.name };
      const ctx = { actor, db: tx };
      const workspace = input.inviteToken
        ? await acceptInvite(ctx, { token: input.inviteToken })
        : await createWorkspace(ctx, { name: `${input.name.split(/\s+/)[0]}'s workspace` });
      return { status: "created" as const, actor, workspace };
    });
  } catch (error) {
    // two sign-ups racing for one email: the unique index decides
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new Conflict(DUPLICATE_EMAIL);
    throw error;
  }
}
