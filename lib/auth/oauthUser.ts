import type { Actor } from "../context";
import type { Db } from "../db";
import { createWorkspace } from "../workspaces/createWorkspace";
import { Email } from "./schema";
import { signUpByInviteOnly } from "./signUpMode";

export interface OAuthProfile {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  /** the provider asserts that the person receives mail at `email` */
  emailVerified: boolean;
  name: string | null | undefined;
}

export type OAuthSignIn =
  | { kind: "signedIn"; actor: Actor }
  /** the provider gave no usable email */
  | { kind: "noEmail" }
  /** an account with this email exists, but linking it needs both emails verified */
  | { kind: "linkRefused" }
  /** no account has this email, and accounts are created by invitation (signUpMode.ts) */
  | { kind: "signUpClosed" };

/**
 * Finds or creates the user behind an OAuth sign-in (GitHub, Google, OIDC). A provider
 * account already linked signs in as its user. Otherwise an existing user with the same
 * email is linked only when the provider asserts the email is verified AND that user's
 * email is verified; anything else would let whoever controls one side take over the other
 * (issue 14). A new address gets a user (verified when the provider says so) and a
 * workspace of its own, unless accounts are created by invitation: then it gets none.
 */
export async function findOrCreateOAuthUser(db: Db, profile: OAuthProfile): Promise<OAuthSignIn> {
  const email = Email.safeParse(profile.email ?? "");
  if (!email.success) return { kind: "noEmail" };
  return db.$transaction(async (tx): Promise<OAuthSignIn> => {
    const linked = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider: profile.provider, providerAccountId: profile.providerAccountId } },
      include: { user: true },
    });
    if (linked) return { kind: "signedIn", actor: { userId: linked.user.id, email: linked.user.email, name: linked.user.name } };
    const existing = await tx.user.findUnique({ where: { email: email.data } });
    if (existing && !(profile.emailVerified && existing.emailVerifiedAt)) return { kind: "linkRefused" };
    if (!existing && (await signUpByInviteOnly(tx))) return { kind: "signUpClosed" };
    const user =
      existing ??
      (await tx.user.create({
        data: {
          email: email.data,
          name: profile.name?.trim().slice(0, 100) || email.data.split("@")[0] || "New user",
          emailVerifiedAt: profile.emailVerified ? new Date() : null,
        },
      }));
    await tx.account.create({ data: { userId: user.id, provider: profile.provider, providerAccountId: profile.providerAccountId } });
    const actor = { userId: user.id, email: user.email, name: user.name };
    if (!existing) await createWorkspace({ actor, db: tx }, { name: `${user.name.split(/\s+/)[0]}'s workspace` });
    return { kind: "signedIn", actor };
  });
}

/**
 * Links a provider account to the signed-in user (the "Link" button in settings). Returns
 * false when that provider account already belongs to someone else.
 */
export async function linkOAuthAccount(db: Db, userId: string, account: { provider: string; providerAccountId: string }): Promise<boolean> {
  const linked = await db.account.findUnique({ where: { provider_providerAccountId: account } });
  if (linked) return linked.userId === userId;
  await db.account.create({ data: { userId, ...account } });
  return true;
}
