import { z } from "zod";
import { route } from "@/app/_server/route";
import { signOutSession } from "@/lib/auth/revokeSessions";
import { getDb } from "@/lib/db";

// DELETE /api/me/sessions/:sessionId — sign one of one's own sessions out
export const DELETE = route(
  z.object({ sessionId: z.string().min(1).max(64) }),
  async (ctx, input) => signOutSession({ ...ctx, db: getDb() }, input),
  { params: ({ sessionId }) => ({ sessionId }) },
);
