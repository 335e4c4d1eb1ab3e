import type { Actor } from "../context";
import type { DbTx } from "../db";
import { Unauthenticated } from "../errors";
import { verifyPassword } from "./password";
import { signInLimiter } from "./rateLimit";
import { SignInInput } from "./schema";

export const BAD_CREDENTIALS = "Email or password is incorrect.";

/**
 * Checks an email and password. One generic message for an unknown email and a wrong
 * password; TooManyRequests after 5 failures in a minute for the email or the IP.
 */
export async function verifyCredentials(db: DbTx, raw: unknown, ip: string | undefined): Promise<Actor> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) throw new Unauthenticated(BAD_CREDENTIALS);
  const { email, password } = parsed.data;
  const keys = [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
  const limiter = signInLimiter();
  await limiter.check(keys);
  const user = await db.user.findUnique({ where: { email } });
  if (!(await verifyPassword(password, user?.passwordHash)) || !user) {
    await limiter.fail(keys);
    throw new Unauthenticated(BAD_CREDENTIALS);
  }
  await limiter.reset(`email:${email}`);
  return { userId: user.id, email: user.email, name: user.name };
}
