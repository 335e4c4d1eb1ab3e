"use client";

import { useEffect, useState } from "react";
import { renderMermaid } from "../editor/mermaid/render";

/** A read-only Mermaid drawing; falls back to `fallback` source, then to the source text, when drawing fails. */
export function MermaidDrawing({ source, fallback, label }: { source: string; fallback?: string; label: string }) {
  const [svg, setSvg] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    void (async () => {
      let result = await renderMermaid(source);
      if (!result.ok && fallback !== undefined && fallback !== source) result = await renderMermaid(fallback);
      if (!live) return;
      if (result.ok) setSvg(result.svg);
      else setError(result.error);
    })().catch(() => {
      // Mermaid's code did not load (offline): the source is shown instead
      if (live) setError("not loaded");
    });
    return () => {
      live = false;
    };
  }, [source, fallback]);
  if (!source.trim()) return <p className="text-xs text-slate-500 italic">no diagram</p>;
  if (error) return <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-700" aria-label={label}>{source}</pre>;
  // Mermaid's own output in strict mode: sanitised SVG, no scripts or handlers
  return <figure aria-label={label} data-testid="mermaid-drawing" className="overflow-auto [&_svg]:h-auto [&_svg]:max-w-full" dangerouslySetInnerHTML={{ __html: svg ?? "" }} />;
}
