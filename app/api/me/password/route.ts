import { currentSessionId } from "@/app/_server/currentSession";
import { route } from "@/app/_server/route";
import { changePassword } from "@/lib/auth/changePassword";
import { ChangePasswordInput } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";

// POST /api/me/password — { currentPassword, newPassword }; other sessions end
export const POST = route(ChangePasswordInput, async (ctx, input) => {
  await changePassword({ ...ctx, db: getDb() }, input, await currentSessionId());
});
