/**
 * How imported headings and keys are compared: "1.2 📋 **Document Control**" and
 * "Document control" are the same section. Accents are folded, leading numbering
 * ("1.", "1.2", "IV.") and everything but letters and digits dropped, case ignored.
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]*(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A snake_case key (as template schemas want) for a title, or `fallback` when nothing is left. */
export function keyFor(title: string, fallback = "section"): string {
  const words = normaliseTitle(title)
    .replace(/[^a-z0-9 ]+/g, "")
    .trim()
    .replace(/\s+/g, "_")
    .slice(0, 50)
    .replace(/_+$/, "");
  if (!words) return fallback;
  return /^[a-z]/.test(words) ? words : `${fallback}_${words}`.slice(0, 50);
}

/** Hands out keys unique within one document or template: `goals`, `goals_2`, … */
export class KeyAllocator {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const key of taken) this.used.add(key);
  }

  take(title: string, fallback?: string): string {
    const base = keyFor(title, fallback);
    let key = base;
    for (let n = 2; this.used.has(key); n++) key = `${base}_${n}`;
    this.used.add(key);
    return key;
  }

  reserve(key: string): void {
    this.used.add(key);
  }
}
