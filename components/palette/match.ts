/** Lower case without accents, so "resume" finds "Résumé". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Whether every word of `query` is part of `text` ("web ret" finds "Webhook retries"); an
 * empty query matches everything. Pure.
 */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = fold(text);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The items whose text matches `query`, those starting with it first, otherwise in their order. Pure. */
export function filterByQuery<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  const q = fold(query.trim());
  const hits = items.filter((item) => matchesQuery(text(item), q));
  if (!q) return hits;
  const starts = hits.filter((item) => fold(text(item)).startsWith(q));
  return [...starts, ...hits.filter((item) => !starts.includes(item))];
}
