/**
 * How diagrams look on screen. The browser draws with it (components/editor/mermaid/render.ts)
 * and the server draws the cached drawings with it (lib/diagrams), so a cached drawing
 * looks as the browser would draw it; it is part of a drawing's cache key.
 */
export const SCREEN_MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: "strict",
  theme: "neutral",
  htmlLabels: false,
  flowchart: { htmlLabels: false },
} as const;
