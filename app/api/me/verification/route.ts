import { z } from "zod";
import { route } from "@/app/_server/route";
import { authorizeAccount } from "@/lib/access/policy";
import { sendVerificationMail } from "@/lib/auth/verifyEmail";

// POST /api/me/verification — mail a link that confirms the signed-in person's address
export const POST = route(z.object({}), async (ctx) => {
  authorizeAccount(ctx.actor, "account.security");
  await sendVerificationMail(ctx);
});
