import { z } from "zod";
import { route } from "@/app/_server/route";
import { authorizeAccount } from "@/lib/access/policy";
import { signOutSession } from "@/lib/auth/revokeSessions";
import { getDb } from "@/lib/db";

// DELETE /api/me/sessions/:sessionId — sign one of one's own sessions out
export const DELETE = route(
  z.object({ sessionId: z.string().min(1).max(64) }),
  async (ctx, input) => {
    authorizeAccount(ctx.actor, "account.security");
    await signOutSession({ ...ctx, db: getDb() }, input);
  },
  { params: ({ sessionId }) => ({ sessionId }) },
);
