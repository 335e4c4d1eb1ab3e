import { z } from "zod";
import { route } from "@/app/_server/route";
import { sendVerificationMail } from "@/lib/auth/verifyEmail";

// POST /api/me/verification — mail a link that confirms the signed-in person's address
export const POST = route(z.object({}), async (ctx) => {
  await sendVerificationMail(ctx);
});
