import { describe, expect, it } from "vitest";
import { findOrCreateOAuthUser, linkOAuthAccount } from "@/lib/auth/oauthUser";
import { testDb, unique } from "../../support/db";

async function user(verified: boolean) {
  const email = `${unique("oauth")}@example.test`;
  return testDb().user.create({ data: { email, name: "Existing", passwordHash: "x", emailVerifiedAt: verified ? new Date() : null } });
}

function profile(email: string, emailVerified: boolean) {
  return { provider: "google", providerAccountId: unique("google"), email, emailVerified, name: "Someone" };
}

describe("OAuth sign-in", () => {
  it("refuses to link an account when the provider does not assert the email is verified", async () => {
    const existing = await user(true);
    expect(await findOrCreateOAuthUser(testDb(), profile(existing.email, false))).toEqual({ kind: "linkRefused" });
    expect(await testDb().account.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("refuses to link an account whose own email is unverified (a pre-registered address)", async () => {
    const existing = await user(false);
    expect(await findOrCreateOAuthUser(testDb(), profile(existing.email, true))).toEqual({ kind: "linkRefused" });
    expect(await testDb().account.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("links when both emails are verified, and signs in by the provider account afterwards", async () => {
    const existing = await user(true);
    const p = profile(existing.email, true);
    expect(await findOrCreateOAuthUser(testDb(), p)).toMatchObject({ kind: "signedIn", actor: { userId: existing.id } });
    expect(await findOrCreateOAuthUser(testDb(), { ...p, email: "changed@example.test", emailVerified: false })).toMatchObject({ kind: "signedIn", actor: { userId: existing.id } });
  });

  it("creates a new user, verified only when the provider says so", async () => {
    const verified = await findOrCreateOAuthUser(testDb(), profile(`${unique("new")}@example.test`, true));
    const unverified = await findOrCreateOAuthUser(testDb(), profile(`${unique("new")}@example.test`, false));
    if (verified.kind !== "signedIn" || unverified.kind !== "signedIn") throw new Error("expected sign-ins");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: verified.actor.userId } })).emailVerifiedAt).not.toBeNull();
    expect((await testDb().user.findUniqueOrThrow({ where: { id: unverified.actor.userId } })).emailVerifiedAt).toBeNull();
    expect(await findOrCreateOAuthUser(testDb(), { ...profile("", true), email: null })).toEqual({ kind: "noEmail" });
  });

  it("links a provider account from settings to the signed-in user, never one that belongs to someone else", async () => {
    const me = await user(false);
    const other = await user(true);
    const account = { provider: "github", providerAccountId: unique("gh") };
    expect(await linkOAuthAccount(testDb(), other.id, account)).toBe(true);
    expect(await linkOAuthAccount(testDb(), me.id, account)).toBe(false);
    const mine = { provider: "github", providerAccountId: unique("gh") };
    expect(await linkOAuthAccount(testDb(), me.id, mine)).toBe(true);
    expect(await findOrCreateOAuthUser(testDb(), { ...mine, email: me.email, emailVerified: false, name: null })).toMatchObject({ kind: "signedIn", actor: { userId: me.id } });
  });
});

describe("OAuth sign-in when accounts are created by invitation (SIGNUP=invite)", () => {
  it("creates no account for a new address, and still signs in an existing, linked one", async () => {
    const existing = await user(true);
    const linked = profile(existing.email, true);
    expect((await findOrCreateOAuthUser(testDb(), linked)).kind).toBe("signedIn");
    process.env.SIGNUP = "invite";
    try {
      const users = await testDb().user.count();
      expect(await findOrCreateOAuthUser(testDb(), profile(`${unique("new")}@example.test`, true))).toEqual({ kind: "signUpClosed" });
      expect(await testDb().user.count()).toBe(users);
      expect((await findOrCreateOAuthUser(testDb(), linked)).kind).toBe("signedIn");
    } finally {
      process.env.SIGNUP = "open";
    }
  });
});
