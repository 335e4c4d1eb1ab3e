import bcrypt from "bcryptjs";

const COST = 11;
/**
 * Compared against when the email is unknown, so both paths take the same time: a hash of
 * "not-a-real-password" at COST, written out (a compare costs what the hash's own cost says)
 * rather than computed at every process start, which held it for ~150 ms.
 */
export const DUMMY_HASH = "$2b$11$rHNfXJvoC9EK312yRO1V4ODF.kxN6eLjURCBQGInGLYtmDdxNdEqe";

/** Hashes a password with bcrypt; the plain password is never stored. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Checks a password against a hash; with no hash it still spends the same time and fails. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && Boolean(hash);
}
