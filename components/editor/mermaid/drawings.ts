/**
 * Drawings of diagrams that came with the page, by their exact source (the server's cache,
 * lib/diagrams): a diagram whose source is here is shown at once, without Mermaid's code.
 * A source that differs by one character has no drawing here, so an edited diagram is
 * never shown with its old drawing. Only a dependency-free import: the document page loads
 * this with its first script.
 */
import { escapeHtml } from "@/lib/editor/domSpecToHtml";

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

/**
 * A diagram with the drawing that came with the page, laid out as its editor lays it out
 * (MermaidView.tsx: source beside preview), as HTML: the read-only text and the diagram's
 * node view show it before the editor's code has loaded, so the drawing is there at first
 * paint and stays in place when the editor takes over. `svg` is the server's sanitised
 * drawing (lib/diagrams); the source is escaped.
 */
export function drawnDiagramHtml(source: string, svg: string): string {
  const rows = Math.min(16, Math.max(4, source.split("\n").length + 1));
  return [
    `<div class="my-3 rounded-lg border border-slate-200 bg-white"><div class="grid gap-0 md:grid-cols-2">`,
    `<div class="border-b border-slate-200 p-2 md:border-r md:border-b-0"><span class="block text-xs font-medium text-slate-500">Mermaid source</span>`,
    `<pre aria-label="Mermaid diagram source" class="sw-diagram-source mt-1" style="min-height:calc(${rows}rem + 1rem)">${escapeHtml(source)}</pre></div>`,
    `<div class="relative min-h-24 p-2"><div class="text-xs text-slate-500">Preview</div>`,
    `<div data-testid="mermaid-preview" class="mt-1 overflow-auto [&_svg]:h-auto [&_svg]:max-w-full">${svg}</div></div>`,
    `</div></div>`,
  ].join("");
}
