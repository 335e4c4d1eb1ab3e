import type { Ctx } from "../context";
import type { Db } from "../db";
import { InvalidInput } from "../errors";
import { limit } from "../limits/limit";
import { hashPassword, verifyPassword } from "./password";
import { revokeOtherSessions } from "./revokeSessions";
import { ChangePasswordInput } from "./schema";

/**
 * Changes the actor's password; the current one is required. Every other session of the
 * actor ends (`keepSessionId` stays signed in). InvalidInput for a wrong current password
 * or an account without one; TooManyRequests after 5 attempts in 15 minutes.
 */
export async function changePassword(ctx: Ctx & { db: Db }, raw: ChangePasswordInput, keepSessionId: string): Promise<void> {
  const input = ChangePasswordInput.parse(raw);
  await limit("passwordCheck", ctx.actor.userId);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, omit: { passwordHash: false } });
  if (!user.passwordHash) {
    throw new InvalidInput("Your account has no password yet. Use “Forgot your password?” on the sign-in page to set one by mail.");
  }
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new InvalidInput("Your current password is not correct.", { currentPassword: ["Your current password is not correct."] });
  }
  await ctx.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await revokeOtherSessions(ctx.db, user.id, keepSessionId);
}
