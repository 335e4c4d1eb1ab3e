import { safeHref } from "../util/safeUrl";

/** How long an image's alt text may be (the collaboration rules' limit for labels). */
export const IMAGE_ALT_MAX = 1000;

/**
 * A path relative to the document, as Markdown writes it (`docs/spec.md`): no scheme before
 * its first `/`, `?` or `#`. A scheme starts with a letter, so a path that starts with a
 * digit, `_`, `~`, `-` or `(` may hold a colon (`(https://…)`, a parenthesised target that
 * Markdown reads as a path, is one).
 */
const BARE_PATH = /^(?:[A-Za-z][^/?#:]*|[0-9_~(-][^/?#]*)(?:[/?#]|$)/;

/**
 * The address a link in a document may lead to, or null: what `safeHref` accepts, and also
 * a relative path written without `./` (`docs/spec.md`, `images/a.png`), which Markdown
 * resolves against the document, as long as `./` + it is an address `safeHref` accepts. The
 * link dialog keeps using `safeHref`, so a typed `evil.example/path` is still refused there.
 * Pure.
 */
export function safeDocumentHref(value: unknown): string | null {
  const href = safeHref(value);
  if (href !== null || typeof value !== "string") return href;
  const path = value.trim();
  return BARE_PATH.test(path) && safeHref(`./${path}`) !== null ? path : null;
}

/**
 * The address an image may be loaded from, or null: what `safeDocumentHref` accepts except
 * mail addresses. `data:` and every other scheme are refused. Pure.
 */
export function safeImageSrc(value: unknown): string | null {
  const src = safeDocumentHref(value);
  return src && !/^mailto:/i.test(src) ? src : null;
}
