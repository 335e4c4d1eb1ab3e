/**
 * Drawings of diagrams that came with the page, by their exact source (the server's cache,
 * lib/diagrams): a diagram whose source is here is shown at once, without Mermaid's code.
 * A source that differs by one character has no drawing here, so an edited diagram is
 * never shown with its old drawing. No imports: the document page loads this with its
 * first script.
 */
const LIMIT = 200;
const kept = new Map<string, string>();

/** Keeps the drawings a page brought (source → SVG); the oldest go past LIMIT. */
export function keepDrawings(drawings: Record<string, string>): void {
  for (const [source, svg] of Object.entries(drawings)) {
    kept.delete(source);
    kept.set(source, svg);
  }
  for (const source of kept.keys()) {
    if (kept.size <= LIMIT) break;
    kept.delete(source);
  }
}

/** The drawing kept for exactly this source, if any. */
export function keptDrawing(source: string): string | undefined {
  return kept.get(source);
}
