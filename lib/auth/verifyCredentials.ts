import type { Actor } from "../context";
import type { DbTx } from "../db";
import { Unauthenticated } from "../errors";
import { verifyPassword } from "./password";
import { SignInInput } from "./schema";
import { admitSignIn, signInSucceeded } from "./signInLimits";

export const BAD_CREDENTIALS = "Email or password is incorrect.";

/**
 * Checks an email and password. One generic message for an unknown email and a wrong
 * password. Each attempt is counted before the password is checked; TooManyRequests once
 * the limits in `signInLimits` are used up.
 */
export async function verifyCredentials(db: DbTx, raw: unknown, ip: string | undefined): Promise<Actor> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) throw new Unauthenticated(BAD_CREDENTIALS);
  const { email, password } = parsed.data;
  const ticket = await admitSignIn(db, email, ip);
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  if (!(await verifyPassword(password, user?.passwordHash)) || !user) throw new Unauthenticated(BAD_CREDENTIALS);
  await signInSucceeded(ticket);
  return { userId: user.id, email: user.email, name: user.name };
}
