/**
 * A suggestion's id names its author and when it was made: `<userId>:<ms since epoch, base 36>:<random>`.
 * The tracked-change marks carry nothing but an id, so the id is where the author lives; the
 * server checks that a suggest-only reviewer's new suggestions carry their own user id.
 */
const ID = /^([A-Za-z0-9_-]{1,64}):([0-9a-z]{1,12}):([0-9a-z]{1,16})$/;

/** Whether `id` has the shape `newSuggestionId` gives (for validating ids that come from outside). */
export const SUGGESTION_ID = ID;

export function newSuggestionId(userId: string, now: number = Date.now(), random: () => number = Math.random): string {
  return `${userId}:${now.toString(36)}:${Math.floor(random() * 36 ** 8).toString(36)}`;
}

/** The author's user id, or null for an id not made by `newSuggestionId`. */
export function suggestionAuthor(id: unknown): string | null {
  return typeof id === "string" ? (ID.exec(id)?.[1] ?? null) : null;
}

/** When the suggestion was made (as the author's browser said), or null. */
export function suggestionTime(id: unknown): Date | null {
  const at = typeof id === "string" ? ID.exec(id)?.[2] : undefined;
  return at ? new Date(parseInt(at, 36)) : null;
}
