import { z } from "zod";
import { currentSessionId } from "@/app/_server/currentSession";
import { route } from "@/app/_server/route";
import { authorizeAccount } from "@/lib/access/policy";
import { listSessions } from "@/lib/auth/listSessions";
import { revokeOtherSessions } from "@/lib/auth/revokeSessions";
import { getDb } from "@/lib/db";

// GET /api/me/sessions — the signed-in person's live sessions ("current" marks this one)
export const GET = route(z.object({}), async (ctx) => {
  authorizeAccount(ctx.actor, "account.security");
  return listSessions(ctx, await currentSessionId());
});

// DELETE /api/me/sessions — sign out everywhere, this session included
export const DELETE = route(z.object({}), async (ctx) => {
  authorizeAccount(ctx.actor, "account.security");
  await revokeOtherSessions(getDb(), ctx.actor.userId);
});
