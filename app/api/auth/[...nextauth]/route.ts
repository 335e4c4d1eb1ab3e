import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth";
import { errorResponse } from "@/app/_server/route";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

const TOO_MANY = /^Too many attempts\. Try again in (\d+) seconds\.$/;

/**
 * next-auth answers every refused credentials sign-in alike (401 + an error URL). When the
 * refusal was a rate limit (counted inside `verifyCredentials`, before the password is
 * checked), answer 429 with Retry-After instead, as the rest of the API does.
 */
async function POST(req: Request, ctx: Ctx) {
  const res = await handler(req, ctx);
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== "callback/credentials" || res.status !== 401) return res;
  const body = (await res.clone().json().catch(() => null)) as { url?: string } | null;
  const error = body?.url ? new URL(body.url, "http://x").searchParams.get("error") : null;
  const seconds = error ? TOO_MANY.exec(error)?.[1] : undefined;
  if (!error || !seconds) return res;
  return errorResponse(429, error, req.headers.get("x-request-id") ?? undefined, { retryAfter: Number(seconds) }, { "Retry-After": seconds });
}

export { handler as GET, POST };
