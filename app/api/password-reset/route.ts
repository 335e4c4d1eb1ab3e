import { clientIp } from "@/app/_server/clientIp";
import { route } from "@/app/_server/route";
import { requestPasswordReset } from "@/lib/auth/passwordReset";
import { ResetRequestInput } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";
import { mailConfigured } from "@/lib/mail/sendMail";

// POST /api/password-reset — { email }: mails a reset link when the address has an account;
// the answer is the same either way
export const POST = route(
  ResetRequestInput,
  async (_ctx, input) => {
    await requestPasswordReset(getDb(), input, await clientIp());
    return { status: "requested", mail: mailConfigured() };
  },
  { public: true, status: 202 },
);
