"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A "⋯" button whose small menu holds the rare actions, out of the way of the next step.
 * Escape or a click elsewhere closes it; Escape gives the focus back to the button.
 */
export function MoreMenu({ label, children, width = "w-56" }: { label: string; children: ReactNode; width?: string }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: MouseEvent | KeyboardEvent) => {
      const menu = details.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        menu.open = false;
        menu.querySelector("summary")?.focus();
      } else if (!menu.contains(event.target as Node)) menu.open = false;
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return (
    <details ref={details} className="relative">
      <summary className="cursor-pointer list-none rounded-md px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50" aria-label={label}>
        ⋯
      </summary>
      <div className={`absolute right-0 z-20 mt-1 ${width} rounded-md bg-white p-2 shadow-lg ring-1 ring-slate-200`}>{children}</div>
    </details>
  );
}
