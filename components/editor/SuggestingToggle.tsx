"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * Who suggests in a section, read by the section editors at each change: the person, while
 * the whole document or that section is suggesting; a stable function.
 */
export function useSuggestingAs(userId: string | null, everywhere: boolean, sections: ReadonlySet<string>): (sectionKey: string) => string | null {
  const current = useRef({ userId, everywhere, sections });
  useEffect(() => {
    current.current = { userId, everywhere, sections };
  }, [userId, everywhere, sections]);
  return useCallback((sectionKey: string) => {
    const { userId: id, everywhere: all, sections: some } = current.current;
    return id && (all || some.has(sectionKey)) ? id : null;
  }, []);
}

/**
 * Editing or Suggesting, for the whole document, for this person. While suggesting, what they
 * type is a tracked change in their colour that an editor accepts or rejects. A reviewer who
 * may only suggest sees it fixed on Suggesting.
 */
export function SuggestingToggle({ suggesting, fixed, onChange }: { suggesting: boolean; fixed: boolean; onChange: (suggesting: boolean) => void }) {
  if (fixed) {
    return (
      <span className="rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200" title="As a reviewer, your changes to the text are suggestions the author accepts or rejects.">
        Suggesting
      </span>
    );
  }
  return (
    <div role="group" aria-label="Editing mode" className="inline-flex rounded-md text-xs ring-1 ring-slate-300">
      {([false, true] as const).map((value) => (
        <button
          key={String(value)}
          type="button"
          aria-pressed={suggesting === value}
          onClick={() => onChange(value)}
          className={`px-2.5 py-1 first:rounded-l-md last:rounded-r-md ${suggesting === value ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
        >
          {value ? "Suggesting" : "Editing"}
        </button>
      ))}
    </div>
  );
}
