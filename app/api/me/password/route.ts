import { currentSessionId } from "@/app/_server/currentSession";
import { route } from "@/app/_server/route";
import { authorizeAccount } from "@/lib/access/policy";
import { changePassword } from "@/lib/auth/changePassword";
import { ChangePasswordInput } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";

// POST /api/me/password — { currentPassword, newPassword }; other sessions end
export const POST = route(ChangePasswordInput, async (ctx, input) => {
  authorizeAccount(ctx.actor, "account.security");
  await changePassword({ ...ctx, db: getDb() }, input, await currentSessionId());
});
