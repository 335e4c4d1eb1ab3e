import type { Account, Profile, User } from "next-auth";
import { describe, expect, it } from "vitest";
import { providerEmail } from "@/app/_server/oauthEmail";

const user: User = { id: "u1", email: "ada@example.test", name: "Ada" };
const account = (provider: string): Account => ({ provider, providerAccountId: "p1", type: "oauth" });

describe("providerEmail", () => {
  it("trusts Google and OIDC only when they assert email_verified", async () => {
    expect(await providerEmail(user, account("google"), { email_verified: true } as Profile)).toEqual({ email: user.email, verified: true });
    expect(await providerEmail(user, account("oidc"), { email_verified: "true" } as Profile)).toEqual({ email: user.email, verified: true });
    expect(await providerEmail(user, account("google"), { email_verified: false } as Profile)).toEqual({ email: user.email, verified: false });
    expect(await providerEmail(user, account("oidc"), {} as Profile)).toEqual({ email: user.email, verified: false });
  });

  it("treats a GitHub email as unverified when its API cannot be asked", async () => {
    expect(await providerEmail(user, account("github"), {} as Profile)).toEqual({ email: user.email, verified: false });
  });
});
