import type { Actor } from "../context";
import type { Db } from "../db";
import { createWorkspace } from "../workspaces/createWorkspace";
import { Email } from "./schema";

export interface OAuthProfile {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  name: string | null | undefined;
}

/**
 * Finds or creates the user behind an OAuth sign-in (GitHub, Google, OIDC). An account is
 * linked by provider id; a new address gets a user and a workspace of its own. Returns
 * null when the provider gave no usable email.
 */
export async function findOrCreateOAuthUser(db: Db, profile: OAuthProfile): Promise<Actor | null> {
  const email = Email.safeParse(profile.email ?? "");
  if (!email.success) return null;
  return db.$transaction(async (tx) => {
    const linked = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider: profile.provider, providerAccountId: profile.providerAccountId } },
      include: { user: true },
    });
    if (linked) return { userId: linked.user.id, email: linked.user.email, name: linked.user.name };
    const existing = await tx.user.findUnique({ where: { email: email.data } });
    const user = existing ?? (await tx.user.create({ data: { email: email.data, name: profile.name?.trim() || email.data.split("@")[0] || "New user" } }));
    await tx.account.create({ data: { userId: user.id, provider: profile.provider, providerAccountId: profile.providerAccountId } });
    const actor = { userId: user.id, email: user.email, name: user.name };
    if (!existing) await createWorkspace({ actor, db: tx }, { name: `${user.name.split(/\s+/)[0]}'s workspace` });
    return actor;
  });
}
