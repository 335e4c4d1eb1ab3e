/** How many of the page's diagrams are drawn ahead, nearest to the screen first. */
const AHEAD = 6;

import { keptDrawing } from "./drawings";

/**
 * On a page that shows diagrams, fetches the diagram view while the page is idle; when
 * some diagrams near the screen did not come with a drawing (drawings.ts), also fetches
 * Mermaid and draws those ahead, nearest to the screen first, one per idle moment, into
 * the drawings kept by source (render.ts). A diagram scrolled to is then drawn at once
 * from there. Returns a function that stops what is left (the page changed).
 */
export function prefetchDiagramsWhenIdle(): () => void {
  let stopped = false;
  const idle = (run: () => void) => {
    const go = () => !stopped && run();
    if (window.requestIdleCallback) window.requestIdleCallback(go);
    else window.setTimeout(go, 500);
  };
  idle(() => {
    const blocks = [...document.querySelectorAll<HTMLElement>("[data-type=mermaid-block] pre")];
    if (!blocks.length) return;
    // measured by their sections: a block inside a section the browser skips drawing (content-visibility) would lay it out
    const top = new Map(blocks.map((el) => [el, (el.closest(".sw-section") ?? el).getBoundingClientRect().top]));
    const fromScreen = (el: HTMLElement) => Math.abs(top.get(el)! - window.innerHeight / 2);
    const sources = [...new Set(blocks.sort((a, b) => fromScreen(a) - fromScreen(b)).map((el) => el.textContent ?? ""))].filter((source) => source && keptDrawing(source) === undefined).slice(0, AHEAD);
    void import("./MermaidView").catch(() => {});
    if (!sources.length) return;
    // a failed fetch (offline) is tried again by the first diagram drawn
    import("./render")
      .then(({ renderMermaid }) => {
        const next = () => {
          const source = sources.shift();
          // offline: the rest is left to the diagrams as they come on screen
          if (source !== undefined) renderMermaid(source).then(() => idle(next), () => {});
        };
        idle(next);
      })
      .catch(() => {});
  });
  return () => {
    stopped = true;
  };
}
