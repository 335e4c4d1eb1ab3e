/**
 * The checks every state-changing request passes before any handler runs: it must come
 * from our own origin (a page on another port or host of the same site may not act with
 * the user's cookies) and carry a body type a plain HTML form cannot send.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Body types a state-changing request may carry. Forms can only send urlencoded, multipart and text/plain. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const MULTIPART_TYPE = /^multipart\/form-data\s*(?:;|$)/i;
const MARKDOWN_TYPE = /^text\/(?:markdown|x-markdown)\s*(?:;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

export interface GuardRequest {
  method: string;
  pathname: string;
  origin: string | null;
  secFetchSite: string | null;
  contentType: string | null;
  contentLength: string | null;
  /** the origin this request was addressed to (scheme + Host), as the server saw it */
  requestOrigin: string | null;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 415; error: string };

export interface GuardOptions {
  /** the public URL (NEXTAUTH_URL); its origin is always allowed */
  publicUrl?: string;
  /** body types allowed on a path beyond JSON (uploads) */
  uploadPaths?: RegExp[];
  /** paths whose own protocol takes form posts and checks a CSRF token (next-auth) */
  formPaths?: RegExp[];
}

/**
 * The origin a browser addressed: scheme and Host, or behind a trusted proxy
 * (`TRUST_PROXY=1`) the forwarded host and scheme.
 */
export function addressedOrigin(headers: { host?: string | null; forwardedHost?: string | null; forwardedProto?: string | null }, scheme: string): string | null {
  const trustProxy = process.env.TRUST_PROXY === "1";
  const host = (trustProxy && headers.forwardedHost) || headers.host;
  const proto = (trustProxy && headers.forwardedProto?.split(",")[0]?.trim()) || scheme;
  return host ? `${proto}://${host}` : null;
}

function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Whether a browser's `Origin` / `Sec-Fetch-Site` say the request came from one of our own pages. */
export function isSameOrigin(req: Pick<GuardRequest, "origin" | "secFetchSite" | "requestOrigin">, publicUrl?: string): boolean {
  // Sec-Fetch-Site is set by the browser and cannot be forged by a page; "same-site" is a
  // different port or subdomain, which is exactly the attack this guards against
  if (req.secFetchSite && req.secFetchSite !== "same-origin" && req.secFetchSite !== "none") return false;
  if (req.origin === null) return true; // not a browser request (CLI, server to server): no ambient cookies at risk
  if (req.origin === "null") return false; // sandboxed frames, data: URLs, some redirects
  const allowed = [originOf(publicUrl), originOf(req.requestOrigin)].filter((o): o is string => o !== null);
  return allowed.includes(req.origin);
}

function bodyTypeAllowed(req: GuardRequest, options: GuardOptions): boolean {
  const type = req.contentType?.trim() ?? "";
  if (!type) {
    // no body at all (DELETE, POST without payload) is fine; a body must say what it is
    return !req.contentLength || req.contentLength === "0";
  }
  if (JSON_TYPE.test(type)) return true;
  if (options.uploadPaths?.some((p) => p.test(req.pathname))) return MULTIPART_TYPE.test(type) || MARKDOWN_TYPE.test(type);
  if (options.formPaths?.some((p) => p.test(req.pathname))) return FORM_TYPE.test(type);
  return false;
}

/** Decides whether a request may go on to its handler. Safe methods always may. */
export function guardRequest(req: GuardRequest, options: GuardOptions = {}): GuardVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  if (!isSameOrigin(req, options.publicUrl)) {
    return { ok: false, status: 403, error: "This request did not come from a Specwright page, so it was refused." };
  }
  if (!bodyTypeAllowed(req, options)) {
    return { ok: false, status: 415, error: "Send the request body as JSON (Content-Type: application/json)." };
  }
  return { ok: true };
}
