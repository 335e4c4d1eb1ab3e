"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { DiffDto } from "@/lib/versions/present";
import { callApi } from "../ui/api";

// the diff's code (word diff, tables, diagrams) loads when the reader opens it
const DiffView = lazy(() => import("./DiffView").then((m) => ({ default: m.DiffView })));

/** What changed from a version to the current content, only the changed sections (the review panel's "what to read"). */
export function ChangesSince({ documentId, from, title, historyPath }: { documentId: string; from: number; title: string; historyPath: string }) {
  const [diff, setDiff] = useState<DiffDto>();
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // opened before this code ran (the page's HTML opens it alone): what it shows comes now
  useEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  useEffect(() => {
    let live = true;
    void callApi<DiffDto>(`/api/documents/${documentId}/versions/diff?from=${from}&to=current`).then((res) => live && res.ok && setDiff(res.data));
    return () => {
      live = false;
    };
  }, [documentId, from]);
  return (
    <details ref={details} className="rounded-md bg-amber-50 px-3 py-2 text-sm ring-1 ring-amber-200" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="changes-since">
      <summary className="cursor-pointer font-medium text-amber-900">
        {title}:{" "}
        {/* a line of its own, loading or not: what follows does not move when the count comes */}
        <span className="block">{diff ? diff.summaryText || "nothing" : "…"}</span>
      </summary>
      {open && diff ? (
        <div className="mt-2 space-y-2">
          <Suspense fallback={<p className="text-xs text-amber-900">Loading…</p>}>
            <DiffView diff={diff} onlyChanged />
          </Suspense>
          <a className="text-xs text-indigo-700 underline" href={`${historyPath}?from=${from}&to=current`}>Open in history</a>
        </div>
      ) : null}
    </details>
  );
}
