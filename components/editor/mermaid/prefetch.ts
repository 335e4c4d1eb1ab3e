/** How many of the page's diagrams are drawn ahead, nearest to the screen first. */
const AHEAD = 6;

type Idle = (run: () => void) => void;

/**
 * On a page that shows diagrams, fetches Mermaid and the diagram view while the page is idle
 * and draws the diagrams nearest to the screen ahead, one per idle moment, into the drawings
 * kept by source (render.ts). A diagram scrolled to is then drawn at once from there.
 */
export function prefetchDiagramsWhenIdle(): void {
  const idle: Idle = (run) => (window.requestIdleCallback ? window.requestIdleCallback(run) : window.setTimeout(run, 500));
  idle(() => {
    const blocks = [...document.querySelectorAll<HTMLElement>("[data-type=mermaid-block] pre")];
    if (!blocks.length) return;
    const fromScreen = (el: HTMLElement) => Math.abs(el.getBoundingClientRect().top - window.innerHeight / 2);
    const sources = [...new Set(blocks.sort((a, b) => fromScreen(a) - fromScreen(b)).map((el) => el.textContent ?? ""))].filter(Boolean).slice(0, AHEAD);
    void import("./MermaidView").catch(() => {});
    // a failed fetch (offline) is tried again by the first diagram drawn
    import("./render")
      .then(({ renderMermaid }) => {
        const next = () => {
          const source = sources.shift();
          // offline: the rest is left to the diagrams as they come on screen
          if (source !== undefined) renderMermaid(source).then(() => idle(next), () => {});
        };
        next();
      })
      .catch(() => {});
  });
}
