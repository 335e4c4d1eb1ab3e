/**
 * Strings rendered from a key, kept while they fit: the least recently used go first once
 * the keys and values together pass `maxChars`. The document page's server render draws
 * every section's read-only HTML from its content, and most sections are the same from one
 * reader's page to the next, so each is drawn once per content (issue 17).
 */
export class RenderCache {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  /** The string kept for `key`, else `render()`'s, kept for next time (unless larger than the whole cache). */
  get(key: string, render: () => string): string {
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      // the most recently used is last in the map's order
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const value = render();
    const size = key.length + value.length;
    if (size > this.maxChars) return value;
    this.entries.set(key, value);
    this.chars += size;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldKey);
      this.chars -= oldKey.length + oldValue.length;
    }
    return value;
  }

  /** How many strings are kept. */
  get size(): number {
    return this.entries.size;
  }
}
