import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth";
import { CLIENT_IP_HEADER } from "@/lib/observability/requestId";
import { toErrorResponse } from "@/app/_server/route";
import { signInLimiter } from "@/lib/auth/rateLimit";
import { Email } from "@/lib/auth/schema";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** Refuses a credentials sign-in with 429 before next-auth runs once the email or IP is over its limit. */
async function POST(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    const email = Email.safeParse(form?.get("email") ?? "");
    const ip = req.headers.get(CLIENT_IP_HEADER);
    const keys = [...(email.success ? [`email:${email.data}`] : []), ...(ip ? [`ip:${ip}`] : [])];
    try {
      await signInLimiter().check(keys);
    } catch (error) {
      return toErrorResponse(error, req.headers.get("x-request-id") ?? undefined);
    }
  }
  return handler(req, ctx);
}

export { handler as GET, POST };
