import { route } from "@/app/_server/route";
import { VerifyEmailInput } from "@/lib/auth/schema";
import { verifyEmail } from "@/lib/auth/verifyEmail";
import { getDb } from "@/lib/db";

// POST /api/verify-email — { token, password? } from a mailed link: confirms the address, or
// (with the password chosen at sign-up) creates the account a sign-up was waiting for
export const POST = route(
  VerifyEmailInput,
  async (_ctx, input) => {
    const result = await verifyEmail(getDb(), input);
    return result.kind === "verified" ? { kind: result.kind, email: result.email } : { kind: result.kind, email: result.actor.email, workspace: result.workspace };
  },
  { public: true, status: 200 },
);
