import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** The environment variable that holds the key stored secrets (Git credentials, webhook signing secrets) are sealed with. */
export const SECRET_KEY_ENV = "SPECWRIGHT_SECRET_KEY";

const VERSION = "v1";
const IV_BYTES = 12;

/** A missing or malformed key: the message says what to set, never the value. */
export class SecretKeyError extends Error {}

/**
 * The 32-byte AES key from SPECWRIGHT_SECRET_KEY, written as 64 hex digits or as base64 /
 * base64url of 32 bytes. `npm start` makes one under the data dir when it is unset.
 */
export function secretKey(value = process.env[SECRET_KEY_ENV]): Buffer {
  const text = value?.trim();
  if (!text) throw new SecretKeyError(`${SECRET_KEY_ENV} is not set: Git credentials cannot be stored or used without it.`);
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64url");
  if (key.length !== 32) throw new SecretKeyError(`${SECRET_KEY_ENV} must be 32 bytes, written as 64 hex digits or in base64.`);
  return key;
}

/** A new key as SPECWRIGHT_SECRET_KEY takes it. */
export function newSecretKey(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Seals a secret with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. A fresh
 * random IV per call, so the same secret seals differently each time. `context` (say, the
 * connection's id) is bound as associated data: a sealed value copied to another row does not open.
 */
export function seal(plaintext: string, context: string, key = secretKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** Opens what `seal` made; throws SecretKeyError when the key or the context is not the one it was sealed with. */
export function open(sealed: string, context: string, key = secretKey()): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretKeyError("The stored credential is not in a format this version reads.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretKeyError(`The stored credential cannot be opened: ${SECRET_KEY_ENV} is not the key it was stored with. Enter the credential again.`);
  }
}
