import { randomBytes } from "node:crypto";
import { hashToken } from "../util/hash";

/** Every API token starts with this, so a leaked one is easy to find (secret scanners, grep). */
export const TOKEN_PREFIX = "swt_";
/** 32 random bytes, base64url: 43 characters after the prefix. */
const SHAPE = /^swt_[A-Za-z0-9_-]{43}$/;
/** How much of a token is kept in clear to tell tokens apart in lists. */
const SHOWN_LENGTH = 12;

export interface NewSecret {
  /** the whole token: shown once, never stored */
  secret: string;
  /** SHA-256 of the token, hex: what is stored */
  hash: string;
  /** its first characters, e.g. `swt_Ab3dE9fG` */
  prefix: string;
}

/** A fresh API token secret with what is stored of it. */
export function newTokenSecret(): NewSecret {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashToken(secret), prefix: secret.slice(0, SHOWN_LENGTH) };
}

/** Whether a string has the shape of an API token (checked before any database look-up). */
export function looksLikeToken(value: string): boolean {
  return SHAPE.test(value);
}
