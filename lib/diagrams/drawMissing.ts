import type { DbTx } from "../db";
import { ServiceUnavailable } from "../errors";
import { sharedBrowser, withRenderSlot } from "../export/pdf/browser";
import { renderDiagrams, type DiagramResult } from "../export/pdf/mermaid";
import { sanitizeSvg } from "../images/sanitizeSvg";
import { getLogger } from "../observability/logger";
import { drawingKey, drawingLook } from "./drawingKey";
import { MAX_DRAWING_BYTES } from "./drawings";

/** Draws sources in the screen look; a source Mermaid rejects comes back as `{ error }`. */
export type DrawDiagrams = (sources: string[]) => Promise<Map<string, DiagramResult>>;

/** The most diagrams drawn in one go: a document with more gets the rest on its next store or view. */
export const MAX_DRAWN_AT_ONCE = 20;

/** In the shared Chromium, in one of the PDF export's render slots (so drawing never crowds out printing). */
const inChromium: DrawDiagrams = (sources) => withRenderSlot(async () => renderDiagrams(await sharedBrowser(), sources, "screen"));

/** What Mermaid's drawings hold beyond DOMPurify's SVG profile: the diagram's role for screen readers. */
const MERMAID_SVG = { attributes: ["role"] };

// keys being drawn by this process: a page viewed twice meanwhile does not draw them twice
const underWay = new Set<string>();
let toldNoChromium = false;

/**
 * Draws the sources that have no cached drawing (at most MAX_DRAWN_AT_ONCE) and stores
 * each drawing under its key (drawingKey.ts), sanitised again (DOMPurify's SVG profile) and
 * only when it is at most MAX_DRAWING_BYTES. A source Mermaid rejects stores nothing.
 * Returns how many drawings it stored. Throws what `draw` throws (ServiceUnavailable
 * without Chromium or while the render slots are full).
 */
export async function drawMissingDiagrams(db: DbTx, sources: string[], draw: DrawDiagrams = inChromium): Promise<number> {
  const keys = new Map([...new Set(sources)].map((s) => [s, drawingKey(s)]));
  if (!keys.size) return 0;
  const stored = await db.diagramDrawing.findMany({ where: { key: { in: [...keys.values()] } }, select: { key: true } });
  const have = new Set(stored.map((r) => r.key));
  const todo = [...keys].filter(([, key]) => !have.has(key) && !underWay.has(key)).slice(0, MAX_DRAWN_AT_ONCE);
  if (!todo.length) return 0;
  for (const [, key] of todo) underWay.add(key);
  try {
    const drawn = await draw(todo.map(([source]) => source));
    const look = drawingLook();
    const rows: { key: string; svg: string; look: string }[] = [];
    for (const [source, key] of todo) {
      const result = drawn.get(source);
      if (!result || !("svg" in result)) continue;
      const svg = await sanitizeSvg(result.svg, MERMAID_SVG);
      if (svg && Buffer.byteLength(svg) <= MAX_DRAWING_BYTES) rows.push({ key, svg, look });
    }
    if (rows.length) await db.diagramDrawing.createMany({ data: rows, skipDuplicates: true });
    return rows.length;
  } finally {
    for (const [, key] of todo) underWay.delete(key);
  }
}

/** `drawMissingDiagrams` without waiting: a failure is logged (once when there is no Chromium), never thrown. */
export function drawInBackground(db: DbTx, sources: string[], draw?: DrawDiagrams): void {
  if (!sources.length) return;
  drawMissingDiagrams(db, sources, draw).catch((err: unknown) => {
    const noChromium = err instanceof ServiceUnavailable && /Chromium/.test(err.message);
    if (noChromium && toldNoChromium) return;
    toldNoChromium ||= noChromium;
    getLogger().warn({ err }, "drawing diagrams for the document page failed; browsers draw them");
  });
}
