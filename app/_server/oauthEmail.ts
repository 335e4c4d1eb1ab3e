import type { Account, Profile, User } from "next-auth";

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * The email an OAuth sign-in vouches for, and whether the provider says it is verified:
 * Google and OIDC by the `email_verified` claim; GitHub only for the primary, verified
 * address its API lists (anything else counts as unverified).
 */
export async function providerEmail(user: User, account: Account, profile: Profile | undefined): Promise<{ email: string | null; verified: boolean }> {
  if (account.provider === "github") {
    if (!account.access_token) return { email: user.email ?? null, verified: false };
    try {
      const res = await fetch("https://api.github.com/user/emails", {
        headers: { Authorization: `Bearer ${account.access_token}`, Accept: "application/vnd.github+json", "User-Agent": "Specwright" },
        signal: AbortSignal.timeout(5000),
      });
      const emails = res.ok ? ((await res.json()) as GitHubEmail[]) : [];
      const primary = Array.isArray(emails) ? emails.find((e) => e.primary && e.verified) : undefined;
      return primary ? { email: primary.email, verified: true } : { email: user.email ?? null, verified: false };
    } catch {
      return { email: user.email ?? null, verified: false };
    }
  }
  const claim = (profile as { email_verified?: unknown } | undefined)?.email_verified;
  return { email: user.email ?? null, verified: claim === true || claim === "true" };
}
