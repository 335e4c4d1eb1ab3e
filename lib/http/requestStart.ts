/**
 * When the request reached the app, epoch ms. Set by the proxy on every page request (a
 * client's own value is overwritten), before anything is read for the page: a page drawn
 * from data read after this moment can ask for the changes made since.
 */
export const REQUEST_START_HEADER = "x-specwright-request-start";

/** A header's value as a time (epoch ms), or undefined when it is missing or malformed. */
export function parseEpochMs(value: string | null): number | undefined {
  const time = Number(value);
  return value && Number.isSafeInteger(time) && time > 0 ? time : undefined;
}
