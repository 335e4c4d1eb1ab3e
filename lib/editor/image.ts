import { safeHref } from "../util/safeUrl";

/** How long an image's text attributes may be. */
export const IMAGE_ATTR_LIMITS = { alt: 1000, title: 300, reference: 200 } as const;

/** A relative path without a scheme: its first segment has no colon. */
const BARE_PATH = /^[A-Za-z0-9_~-][^:/]*(?:\/|$)/;
const UPLOADED = /^\/api\/images\/[A-Za-z0-9_-]{1,64}$/;

/**
 * The src an image may show: an uploaded image (`/api/images/<id>`), an http(s) address,
 * or a relative path of this site (an imported file's `images/a.png` before its file
 * arrives), as `safeHref` judges links; never `data:`, `javascript:` or `mailto:`. Null otherwise. Pure.
 */
export function safeImageSrc(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (UPLOADED.test(value)) return value;
  const href = safeHref(value);
  if (href) return href === value && !/^mailto:/i.test(href) ? href : null;
  // a bare relative path (`images/a.png`) as Markdown files write them: checked as `./` + path
  if (BARE_PATH.test(value) && safeHref(`./${value}`) === `./${value}`) return value;
  return null;
}
