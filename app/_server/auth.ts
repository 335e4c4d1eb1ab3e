import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { headers } from "next/headers";
import { findOrCreateOAuthUser, linkOAuthAccount } from "@/lib/auth/oauthUser";
import { revokeSession } from "@/lib/auth/revokeSessions";
import { isSessionLive, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/verifyCredentials";
import { getDb } from "@/lib/db";
import { safeRedirectPath } from "@/lib/util/safeUrl";
import { DomainError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { CLIENT_IP_HEADER } from "@/lib/observability/requestId";
import { takeLinkIntent } from "./linkIntent";
import { providerEmail } from "./oauthEmail";

/** OAuth providers switched on by environment variables (see README). */
function oauthProviders(): Provider[] {
  const env = process.env;
  const providers: Provider[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) providers.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (p: { sub: string; email?: string; name?: string }) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? null }),
    });
  }
  return providers;
}

/** The ids of the OAuth providers that are configured, for the sign-in page. */
export function oauthProviderList(): { id: string; name: string }[] {
  return oauthProviders().map((p) => ({ id: p.id, name: p.name }));
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // the cookie is a JWT (credentials need it), but each one names a UserSession row (`sid`)
  // that getActor checks on every request, so signing out ends it for real
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const reqHeaders = (req.headers ?? {}) as Record<string, string | undefined>;
        try {
          const actor = await verifyCredentials(getDb(), credentials, reqHeaders[CLIENT_IP_HEADER]);
          return { id: actor.userId, email: actor.email, name: actor.name };
        } catch (error) {
          // next-auth turns the message into ?error=…; never pass on anything but our own
          if (error instanceof DomainError) throw new Error(error.message);
          getLogger().error({ err: error, requestId: reqHeaders["x-request-id"] }, "sign-in failed");
          throw new Error("Sign-in failed. Try again.");
        }
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    // after sign-in or sign-out: only a path on this site, checked like every other redirect
    async redirect({ url, baseUrl }) {
      const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
      return `${baseUrl}${safeRedirectPath(path)}`;
    },
    async signIn({ user, account, profile }) {
      if (!account || account.provider === "credentials") return true;
      const db = getDb();
      const { email, verified } = await providerEmail(user, account, profile);
      const oauthAccount = { provider: account.provider, providerAccountId: account.providerAccountId };
      // "Link" in settings: attach this provider account to the person who asked, no new session
      const intent = await takeLinkIntent(account.provider);
      if (intent) {
        if (!(await isSessionLive(db, { sub: intent.userId, sid: intent.sessionId }))) return "/signin?error=LinkExpired";
        return (await linkOAuthAccount(db, intent.userId, oauthAccount)) ? `/settings?linked=${encodeURIComponent(account.provider)}` : "/settings?linkError=taken";
      }
      const result = await findOrCreateOAuthUser(db, { ...oauthAccount, email, emailVerified: verified, name: user.name });
      if (result.kind === "noEmail") return "/signin?error=NoEmail";
      if (result.kind === "linkRefused") return "/signin?error=LinkRefused";
      if (result.kind === "signUpClosed") return "/signin?error=SignUpClosed";
      user.id = result.actor.userId;
      return true;
    },
    async jwt({ token, user }) {
      // `user` is there only at sign-in: record the session the cookie will name
      if (user) {
        const h = await headers();
        token.sub = user.id;
        token.sid = await startSession(getDb(), { userId: user.id, userAgent: h.get("user-agent"), ip: h.get(CLIENT_IP_HEADER) });
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionId: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sub && typeof token.sid === "string") await revokeSession(getDb(), token.sub, token.sid);
    },
  },
};
