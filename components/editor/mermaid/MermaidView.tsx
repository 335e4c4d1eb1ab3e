"use client";

import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useDialogFocus } from "../../ui/useDialogFocus";
import { keptDrawing } from "./drawings";
import { renderMermaid } from "./render";

const REDRAW_MS = 300;

export interface MermaidViewProps {
  source: string;
  editable: boolean;
  /** the block is the editor's selected node */
  selected: boolean;
  onSource: (source: string) => void;
}

/** Shown when Mermaid's own code could not be fetched. */
const NOT_LOADED = "The diagram could not be drawn: its drawing code did not load. It is tried again when you are back online.";

/** A Mermaid block: the source in a monospace editor beside its live drawing. */
export function MermaidView({ source, editable, selected, onSource }: MermaidViewProps) {
  // a drawing that came with the page shows in the first paint, before any effect runs
  const [svg, setSvg] = useState<string | undefined>(() => keptDrawing(source));
  const [error, setError] = useState<string>();
  const [large, setLarge] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const [onScreen, setOnScreen] = useState(false);
  const id = useId();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setOnScreen(true), { rootMargin: "200px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // drawn at once when it comes on screen; redrawn REDRAW_MS after the source stops changing
  const drawnOnce = useRef(false);
  // Mermaid's code did not load (offline): tried again when the browser is back online
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!onScreen) return;
    let cancelled = false;
    const retry = () => setAttempt((n) => n + 1);
    const timer = setTimeout(async () => {
      let result: Awaited<ReturnType<typeof renderMermaid>>;
      try {
        result = await renderMermaid(source);
      } catch {
        if (cancelled) return;
        setError(NOT_LOADED);
        window.addEventListener("online", retry, { once: true });
        return;
      }
      if (cancelled) return;
      drawnOnce.current = true;
      if (result.ok) {
        setSvg(result.svg);
        setError(undefined);
      } else setError(result.error); // the last good drawing stays
    }, drawnOnce.current ? REDRAW_MS : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      window.removeEventListener("online", retry);
    };
  }, [source, onScreen, attempt]);

  useDialogFocus(large && !!svg, () => setLarge(false), dialog);

  const copySvg = () => svg && navigator.clipboard?.writeText(svg);

  /** Draws the SVG on a canvas at 2× and copies it as a PNG image. */
  const copyPng = async () => {
    const el = box.current?.querySelector<SVGSVGElement>("[data-testid=mermaid-preview] svg");
    if (!svg || !el) return;
    const { width, height } = el.getBoundingClientRect();
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const context = canvas.getContext("2d");
    if (!context) return;
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob) await navigator.clipboard?.write([new ClipboardItem({ "image/png": blob })]).catch(() => undefined);
  };

  return (
    <div className={`my-3 rounded-lg border ${selected ? "border-indigo-400" : "border-slate-200"} bg-white`}>
      <div ref={box} className="grid gap-0 md:grid-cols-2">
        <div className="border-b border-slate-200 p-2 md:border-r md:border-b-0">
          <label htmlFor={id} className="block text-xs font-medium text-slate-500">Mermaid source</label>
          <textarea
            id={id}
            spellCheck={false}
            readOnly={!editable}
            value={source}
            onChange={(e) => onSource(e.target.value)}
            rows={Math.min(16, Math.max(4, source.split("\n").length + 1))}
            className="mt-1 w-full resize-y rounded border-0 bg-slate-50 p-2 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-200 focus:ring-2 focus:ring-indigo-500"
          />
        </div>
        <div className="relative min-h-24 p-2">
          <div className="flex items-center justify-between text-xs text-slate-500">
            <span>Preview</span>
            <span className="flex gap-2">
              <button type="button" className="hover:text-indigo-700" onClick={() => setLarge(true)} disabled={!svg}>Open large</button>
              <button type="button" className="hover:text-indigo-700" onClick={copySvg} disabled={!svg}>Copy SVG</button>
              <button type="button" className="hover:text-indigo-700" onClick={() => void copyPng()} disabled={!svg}>Copy PNG</button>
            </span>
          </div>
          {error ? (
            <p role="alert" data-testid="mermaid-error" className="mt-1 rounded bg-red-50 px-2 py-1 font-mono text-xs whitespace-pre-wrap text-red-800">{error}</p>
          ) : null}
          {/* Mermaid's own output in strict mode: sanitised SVG, no scripts or handlers */}
          <div data-testid="mermaid-preview" className="mt-1 overflow-auto [&_svg]:h-auto [&_svg]:max-w-full" dangerouslySetInnerHTML={{ __html: svg ?? "" }} />
        </div>
      </div>
      {/* on the body: the section card contains layout and paint (content-visibility) */}
      {large && svg
        ? createPortal(
            <div ref={dialog} role="dialog" aria-modal="true" aria-label="Diagram" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/60 p-6" onClick={() => setLarge(false)}>
              <div className="max-h-full max-w-full overflow-auto rounded-lg bg-white p-4" onClick={(e) => e.stopPropagation()}>
                <button type="button" className="mb-2 text-sm text-indigo-700" onClick={() => setLarge(false)}>Close</button>
                <div className="[&_svg]:h-auto [&_svg]:min-w-[60vw]" dangerouslySetInnerHTML={{ __html: svg }} />
              </div>
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}
