import { safeHref } from "../util/safeUrl";

/** How long an image's alt text may be (the collaboration rules' limit for labels). */
export const IMAGE_ALT_MAX = 1000;

/** A relative path without a scheme: its first segment has no colon. */
const BARE_PATH = /^[A-Za-z0-9_~-][^:/]*(?:\/|$)/;

/**
 * The address an image may be loaded from, or null: what `safeHref` accepts for links
 * (http(s) with a host, paths of this site such as an upload's `/api/images/<id>`) except
 * mail addresses, and plain relative paths as Markdown files write them (`images/a.png`,
 * kept as written until their file is imported). `data:` and every other scheme are
 * refused. Pure.
 */
export function safeImageSrc(value: unknown): string | null {
  const src = safeHref(value);
  if (src) return !/^mailto:/i.test(src) ? src : null;
  // checked as `./` + path: the same refusals (controls, backslashes, encoded tricks) apply
  return typeof value === "string" && BARE_PATH.test(value) && safeHref(`./${value}`) === `./${value}` ? value : null;
}
