import { safeHref } from "../util/safeUrl";

/**
 * The address an image may be loaded from, or null: what `safeHref` accepts for links
 * (http(s) with a host, paths of this site) except mail addresses. `data:` and every other
 * scheme are refused. Pure.
 */
export function safeImageSrc(value: unknown): string | null {
  const src = safeHref(value);
  return src && !/^mailto:/i.test(src) ? src : null;
}
