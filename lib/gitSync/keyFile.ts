import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { newSecretKey, SECRET_KEY_ENV } from "../secrets/secretBox";

/**
 * The key Git credentials are sealed with: SPECWRIGHT_SECRET_KEY when set, else one made
 * once and kept in `<dataDir>/secret-key` (mode 600), as `npm start` does for a single
 * install. With REDIS_URL (several instances) every instance needs the same key, so none is
 * made: undefined, and Git sync says what to set when it needs it.
 */
export function gitSecretKey(env: Record<string, string | undefined>, dataDir: string): string | undefined {
  if (env[SECRET_KEY_ENV]) return env[SECRET_KEY_ENV];
  if (env.REDIS_URL) return undefined;
  const file = path.join(dataDir, "secret-key");
  if (!existsSync(file)) writeFileSync(file, newSecretKey(), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
