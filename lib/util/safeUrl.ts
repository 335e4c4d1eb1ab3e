/**
 * The one answer to "may this user-given address be used?", for links (editor, Markdown
 * import and export, read-only and printed views) and for redirects after sign-in.
 *
 * Browsers forgive a lot while parsing a URL: they drop tabs and newlines anywhere, strip
 * leading control characters and spaces, read `\` as `/` and `//host` as another host. Each
 * forgiveness turns an address that looks local or harmless into one that is neither
 * (`/%09/evil.example` after decoding is `/\t/evil.example`, which the browser reads as
 * `//evil.example`). So anything that leans on them is refused rather than repaired.
 */

/** The relation every rendered link gets, whatever the stored document says. */
export const LINK_REL = "noopener noreferrer nofollow";
/** Where an absolute link opens. */
export const LINK_TARGET = "_blank";

const MAX_LENGTH = 2048;
/** C0 controls, DEL, C1 controls and invisible or direction-changing characters. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;
/** Whitespace of any kind, including no-break and ideographic spaces. */
const WHITESPACE = /\s/;
/** Two leading characters a browser may read as the start of another host. */
const HOST_START = /^[/\\\s\u0000-\u001f]{2}/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const RELATIVE_START = /^[/#?.]/;

function hasTricks(text: string): boolean {
  return CONTROL.test(text) || WHITESPACE.test(text) || text.includes("\\");
}

/**
 * Every percent-decoding of `text` (up to a few rounds, as proxies and frameworks may each
 * decode once), or null when one of them is malformed.
 */
function decodings(text: string): string[] | null {
  const out = [text];
  let current = text;
  for (let i = 0; i < 4 && current.includes("%"); i++) {
    try {
      const next = decodeURIComponent(current);
      if (next === current) break;
      out.push(next);
      current = next;
    } catch {
      return null;
    }
  }
  return out;
}

/** A same-document or same-origin reference that stays one however often it is decoded. */
function isLocalReference(href: string): boolean {
  if (!RELATIVE_START.test(href)) return false;
  const layers = decodings(href);
  if (!layers) return false;
  // a decoded space is an ordinary character in a path (`a%20b`); controls and `\` are not
  return layers.every((layer) => !CONTROL.test(layer) && !layer.includes("\\") && !HOST_START.test(layer));
}

function isWebAddress(href: string): boolean {
  if (!/^https?:\/\/[^/\\?#]/i.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  // `https://trusted.example@evil.example` shows one host and opens another
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" && url.username === "" && url.password === "";
}

/**
 * The address to link to, trimmed, or null when it is not one we link to: only http(s)
 * with a host, mailto, and (unless `allowRelative` is false) paths, queries and fragments of
 * this site. Refuses backslashes, control and invisible characters, whitespace inside,
 * protocol-relative `//host`, `/\host` and their percent-encoded forms, user names in the
 * host part, and every other scheme (javascript:, data:, vbscript:, file:, …). Pure.
 */
export function safeHref(value: unknown, { allowRelative = true }: { allowRelative?: boolean } = {}): string | null {
  if (typeof value !== "string") return null;
  const href = value.trim();
  if (!href || href.length > MAX_LENGTH || hasTricks(href)) return null;
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") return isWebAddress(href) ? href : null;
  if (scheme === "mailto") return href.length > "mailto:".length ? href : null;
  if (scheme) return null;
  return allowRelative && isLocalReference(href) ? href : null;
}

/** An http(s) address `safeHref` accepts (a URL field's value), or null. */
export function safeWebUrl(value: unknown): string | null {
  const href = safeHref(value, { allowRelative: false });
  return href && /^https?:/i.test(href) ? href : null;
}

/** Whether `safeHref` accepts the address. */
export function isSafeHref(value: unknown): boolean {
  return safeHref(value) !== null;
}

/** How a link to an accepted address is rendered: our rel always, a new tab for web addresses. */
export function linkAttributes(href: string): { href: string; rel: string; target?: string } {
  return /^https?:/i.test(href) ? { href, rel: LINK_REL, target: LINK_TARGET } : { href, rel: LINK_REL };
}

const PROBE_ORIGIN = "http://origin.invalid";

/**
 * A path on this site to send a user to (after sign-in, for example), or `fallback`: only
 * `/path?query#fragment` that resolves to the same origin however often it is decoded.
 * Accepts the first value of a repeated query parameter. Pure.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  const raw = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.length > MAX_LENGTH || hasTricksOutsideSpaces(raw)) return fallback;
  if (!isLocalReference(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  return url.origin === PROBE_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/** Like `hasTricks`, but a literal space is allowed (a search query may carry one). */
function hasTricksOutsideSpaces(text: string): boolean {
  return CONTROL.test(text) || /[^\S ]/.test(text) || text.includes("\\");
}
