const BEARER = /^Bearer[ \t]+(\S*)[ \t]*$/i;
const BEARER_SCHEME = /^Bearer(?:[ \t]|$)/i;

/**
 * Whether an `Authorization` header offers a Bearer credential, the one scheme API tokens
 * use. Other schemes (Basic from a password-protecting proxy in front of the app) are not
 * ours: the request is judged by its session cookie as if the header were absent.
 */
export function offersBearer(authorization: string | null): boolean {
  return authorization !== null && BEARER_SCHEME.test(authorization.trim());
}

/** The credential of a Bearer header ("" when there is none or it is malformed). */
export function bearerCredential(authorization: string): string {
  return BEARER.exec(authorization.trim())?.[1] ?? "";
}
