"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "../ui/Button";
import { usePopupMenu } from "../ui/usePopupMenu";

type Paper = "A4" | "Letter";

/** "attachment; filename="x.pdf"" → "x.pdf" */
function filenameOf(res: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has its own copy once started
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Renders the PDF on the server while showing progress, then saves it; errors come back as text. */
function usePdfDownload(documentId: string) {
  const [rendering, setRendering] = useState<Paper | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!rendering) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [rendering]);

  async function download(paper: Paper) {
    setError(undefined);
    setSeconds(0);
    setRendering(paper);
    try {
      const res = await fetch(`/api/documents/${documentId}/export.pdf?format=${paper}`);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        setError(body?.error ?? `The PDF could not be made (${res.status}).`);
        return;
      }
      saveBlob(await res.blob(), filenameOf(res, "document.pdf"));
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setRendering(null);
    }
  }
  return { rendering, seconds, error, download, dismiss: () => setError(undefined) };
}

const ITEM = "block w-full px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";

/** The document's downloads: Markdown (the accepted text, or with open suggestions as CriticMarkup), and PDF on A4 or US Letter paper with progress while the server renders it. */
export function ExportMenuPanel({ documentId, initiallyOpen }: { documentId: string; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const menu = useRef<HTMLDivElement>(null);
  const { rendering, seconds, error, download, dismiss } = usePdfDownload(documentId);

  const wrapper = useRef<HTMLDivElement>(null);
  usePopupMenu(open, () => setOpen(false), menu, wrapper);

  const pick = (paper: Paper) => {
    setOpen(false);
    void download(paper);
  };

  return (
    <div ref={wrapper} className="relative flex items-center gap-2">
      {rendering ? (
        <span role="status" className="flex items-center gap-2 whitespace-nowrap text-xs text-slate-600">
          <progress aria-label="Rendering the PDF" className="h-1.5 w-14" />
          Rendering PDF ({rendering}){seconds > 0 ? ` · ${seconds} s` : "…"}
        </span>
      ) : null}
      <Button variant="secondary" aria-haspopup="menu" aria-expanded={open} disabled={rendering !== null} onClick={() => {
          dismiss();
          setOpen((v) => !v);
        }}
      >
        Export
      </Button>
      {open ? (
        <div ref={menu} role="menu" aria-label="Export" className="absolute right-0 top-full z-20 mt-1 w-56 overflow-hidden rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200">
          <a role="menuitem" href={`/api/documents/${documentId}/export.md`} download className={ITEM} onClick={() => setOpen(false)}>
            Markdown (.md)
          </a>
          <a role="menuitem" href={`/api/documents/${documentId}/export.md?suggestions=criticmarkup`} download className={ITEM} onClick={() => setOpen(false)} title="Open suggestions as CriticMarkup: {++added++}, {--removed--}, {~~old~>new~~}">
            Markdown with suggestions
          </a>
          <button type="button" role="menuitem" className={ITEM} onClick={() => pick("A4")}>
            PDF, A4
          </button>
          <button type="button" role="menuitem" className={ITEM} onClick={() => pick("Letter")}>
            PDF, US Letter
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="absolute right-0 top-full z-10 mt-1 w-72 rounded-md bg-red-50 px-3 py-2 text-xs text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      ) : null}
    </div>
  );
}
