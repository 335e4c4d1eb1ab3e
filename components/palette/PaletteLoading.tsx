"use client";

import { useEffect, useRef } from "react";
import { takeHeldPaletteText } from "./earlyKeys";
import { SearchIcon } from "./SearchIcon";

interface Props {
  query: string;
  onQuery: (query: string) => void;
  onClose: () => void;
}

/**
 * The palette's frame while its code loads (the first time it opens): what is typed meanwhile
 * is kept here for the palette, not typed into the page behind it.
 */
export function PaletteLoading({ query, onQuery, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const field = input.current;
    if (!field) return;
    field.focus();
    // typed before the page's code opened the palette; set on the field itself so the keys
    // typed next, before React renders it, add to it
    const held = takeHeldPaletteText();
    if (!held) return;
    field.value += held;
    onQuery(field.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the frame opens
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 px-3 pt-[10vh]" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-label="Search or jump to" className="w-full max-w-xl overflow-hidden rounded-xl bg-white shadow-2xl ring-1 ring-slate-200">
        <div className="flex items-center gap-2 border-b border-slate-200 px-4">
          <SearchIcon />
          <input
            ref={input}
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") onClose();
            }}
            aria-label="Search documents, sections and actions"
            placeholder="Search or jump to…"
            className="h-12 w-full bg-transparent text-base text-slate-900 outline-none placeholder:text-slate-500"
          />
        </div>
        <p role="status" className="px-4 py-6 text-center text-sm text-slate-600">
          Loading…
        </p>
      </div>
    </div>
  );
}
