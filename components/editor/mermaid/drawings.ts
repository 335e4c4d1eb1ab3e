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
// bumped when drawings arrive after the text was drawn (fetched for a page reached by a link)
let version = 0;
const listeners = new Set<() => void>();

/** Keeps the drawings a page brought (source → SVG); the oldest go past LIMIT. */
export function keepDrawings(drawings: Record<string, string>): void {
  let added = false;
  for (const [source, svg] of Object.entries(drawings)) {
    added ||= kept.get(source) !== svg;
    kept.delete(source);
    kept.set(source, svg);
  }
  for (const source of kept.keys()) {
    if (kept.size <= LIMIT) break;
    kept.delete(source);
  }
  if (added) {
    version++;
    listeners.forEach((listener) => listener());
  }
}

// settled once the page's drawings are known: at once for a page that brought them in its
// HTML, after the fetch for one a link brought (Mermaid is not loaded for a diagram meanwhile)
let ready: Promise<void> = Promise.resolve();

/** The page is fetching its drawings: diagrams wait for them before drawing with Mermaid. */
export function awaitDrawings(fetching: Promise<void>): void {
  ready = fetching;
}

/** Settles when the page's drawings are kept (or could not be fetched). */
export function drawingsReady(): Promise<void> {
  return ready;
}

/** Counts the times drawings were added: text drawn before may now have a drawing for its diagram. */
export function drawingsVersion(): number {
  return version;
}

export function onDrawingsAdded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The drawings already in the page, by source: the server drew each beside its source in the
 * page's HTML (drawnDiagramHtml), so the page need not bring them a second time in its data.
 */
export function drawingsInPage(root: ParentNode): Record<string, string> {
  const found: Record<string, string> = {};
  for (const source of root.querySelectorAll('[data-type="mermaid-block"] pre[aria-label="Mermaid diagram source"]')) {
    const preview = source.closest('[data-type="mermaid-block"]')?.querySelector('[data-testid="mermaid-preview"]');
    if (preview?.firstElementChild && source.textContent !== null) found[source.textContent] = preview.innerHTML;
  }
  return found;
}

// Handed from the page's server component to its server render (two module graphs in one
// process) under a one-time key, so the drawings are drawn into the HTML without being sent
// again as the page's data. A key nobody takes (a page fetched by a link: no HTML is drawn)
// is dropped after HANDOVER_MS.
const HANDOVER_MS = 60_000;
type Handover = Map<string, { drawings: Record<string, string>; at: number }>;
const handovers = ((globalThis as { specwrightDrawingHandovers?: Handover }).specwrightDrawingHandovers ??= new Map());

/** On the server: keeps the drawings for this request's render of the page; returns the key to take them with. */
export function handOverDrawings(drawings: Record<string, string>, key: string): string {
  const now = Date.now();
  for (const [k, h] of handovers) if (now - h.at > HANDOVER_MS) handovers.delete(k);
  handovers.set(key, { drawings, at: now });
  return key;
}

/** On the server: the drawings handed over under `key`, once. */
export function takeDrawings(key: string | undefined): Record<string, string> {
  const handed = key === undefined ? undefined : handovers.get(key);
  if (key !== undefined) handovers.delete(key);
  return handed?.drawings ?? {};
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
