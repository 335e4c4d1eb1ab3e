/**
 * Mermaid rendering for the browser, off the keystroke path: Mermaid is imported when a
 * diagram without a drawing from the server comes on screen or, on a page that shows diagrams, once the page is idle
 * (prefetch.ts); it runs with securityLevel "strict" (its output is sanitised), and results
 * are cached by source so an unchanged diagram is never drawn twice, even when it is asked
 * for again while being drawn.
 */
import { explainMermaidError } from "@/lib/mermaid/explainError";
import { SCREEN_MERMAID_CONFIG } from "@/lib/mermaid/screenLook";
import { drawingsReady, keptDrawing } from "./drawings";

export type RenderResult = { ok: true; svg: string } | { ok: false; error: string };

type MermaidApi = typeof import("mermaid").default;
let loading: Promise<MermaidApi> | undefined;
const cache = new Map<string, RenderResult>();
const drawing = new Map<string, Promise<RenderResult>>();
let counter = 0;

function loadMermaid(): Promise<MermaidApi> {
  loading ??= import("mermaid").then(
    ({ default: mermaid }) => {
      mermaid.initialize(structuredClone(SCREEN_MERMAID_CONFIG));
      return mermaid;
    },
    (error: unknown) => {
      loading = undefined; // a failed load (offline) is tried again by the next diagram
      throw error;
    },
  );
  return loading;
}

/**
 * Draws a diagram; a syntax error comes back in plain words at its line of the source. A
 * drawing that came with the page for this very source (drawings.ts) is used as it is,
 * without loading Mermaid (once the page's drawings are known).
 */
export async function renderMermaid(source: string): Promise<RenderResult> {
  await drawingsReady();
  const kept = keptDrawing(source);
  if (kept !== undefined) return Promise.resolve({ ok: true, svg: kept });
  const cached = cache.get(source);
  if (cached) return Promise.resolve(cached);
  let pending = drawing.get(source);
  if (!pending) {
    pending = draw(source).finally(() => drawing.delete(source));
    drawing.set(source, pending);
  }
  return pending;
}

async function draw(source: string): Promise<RenderResult> {
  const mermaid = await loadMermaid();
  // fixed before the awaits: another drawing may start meanwhile
  const id = `sw-mermaid-${++counter}`;
  let result: RenderResult;
  try {
    await mermaid.parse(source);
    const { svg } = await mermaid.render(id, source);
    result = { ok: true, svg };
  } catch (error) {
    result = { ok: false, error: explainMermaidError(source, error) };
    // mermaid leaves its scratch elements behind when render fails
    document.getElementById(`d${id}`)?.remove();
    document.getElementById(id)?.remove();
  }
  if (cache.size > 200) cache.clear();
  cache.set(source, result);
  return result;
}
