"use client";

import Link from "next/link";
import { lazy, Suspense, useEffect, useState } from "react";
import type { DiffDto, VersionDto } from "@/lib/versions/present";
import { Button } from "../ui/Button";
import { callApi } from "../ui/api";

// the diff's code (word diff, tables, diagrams) loads when the tab is first shown
const DiffView = lazy(() => import("../versions/DiffView").then((m) => ({ default: m.DiffView })));

/** The document's versions, newest first: step through them and read what each one changed. */
export function HistoryTab({ documentId, historyPath }: { documentId: string; historyPath: string }) {
  const [versions, setVersions] = useState<VersionDto[]>();
  const [at, setAt] = useState(0);
  // an answer is kept with the pair it compares, so stepping on never shows the last pair's changes
  const [answer, setAnswer] = useState<{ pair: string; diff: DiffDto }>();

  useEffect(() => {
    let live = true;
    void callApi<VersionDto[]>(`/api/documents/${documentId}/versions`).then((res) => live && res.ok && setVersions(res.data));
    return () => {
      live = false;
    };
  }, [documentId]);

  const selected = versions?.[at];
  const before = versions?.[at + 1];
  const pair = selected && before ? `from=${before.number}&to=${selected.number}` : "";
  const diff = answer?.pair === pair ? answer.diff : undefined;
  useEffect(() => {
    if (!pair) return;
    let live = true;
    void callApi<DiffDto>(`/api/documents/${documentId}/versions/diff?${pair}`).then((res) => live && res.ok && setAnswer({ pair, diff: res.data }));
    return () => {
      live = false;
    };
  }, [documentId, pair]);

  if (!versions) return <p className="text-sm text-slate-500">Loading versions…</p>;
  if (!selected) return <p className="text-sm text-slate-500">No versions yet: one is made when editing pauses, at every status change, and when you name one.</p>;
  const compare = before ? `${historyPath}?from=${before.number}&to=${selected.number}` : `${historyPath}?v=${selected.number}`;

  return (
    <div className="space-y-3 text-sm">
      <ol aria-label="Versions" className="max-h-40 space-y-0.5 overflow-y-auto">
        {versions.map((v, i) => (
          <li key={v.number}>
            <button type="button" aria-current={i === at ? "true" : undefined} onClick={() => setAt(i)} className={`flex w-full gap-2 rounded px-2 py-1 text-left ${i === at ? "bg-indigo-50 text-indigo-900" : "hover:bg-slate-50"}`}>
              <span className="font-medium">v{v.number}</span>
              <span className="min-w-0 flex-1 truncate text-slate-600">{v.label || v.summaryText}</span>
              <time dateTime={v.createdAt} className="shrink-0 font-mono text-xs text-slate-500">{v.createdAt.slice(5, 16).replace("T", " ")}</time>
            </button>
          </li>
        ))}
      </ol>
      <div className="flex items-center gap-2">
        <Button variant="secondary" className="px-2.5 py-1" disabled={!before} onClick={() => setAt(at + 1)}>← Previous</Button>
        <Button variant="secondary" className="px-2.5 py-1" disabled={at === 0} onClick={() => setAt(at - 1)}>Next →</Button>
        <Link prefetch={false} href={compare} className="ml-auto text-xs text-indigo-700 hover:underline">Open in history</Link>
      </div>
      <section aria-labelledby="panel-version-heading" className="space-y-2">
        <h3 id="panel-version-heading" className="font-semibold">
          {before ? `v${selected.number}: changes from v${before.number}` : `v${selected.number}: the first version`}
        </h3>
        <p className="text-slate-600">
          {(selected.authors.length ? selected.authors : selected.createdBy ? [selected.createdBy] : []).map((p) => p.name).join(", ") || "—"}
          {selected.label ? ` · ${selected.label}` : ""}
        </p>
        {before ? (
          diff ? (
            <Suspense fallback={<p className="text-slate-500">Loading…</p>}>
              <DiffView diff={diff} onlyChanged level={4} />
            </Suspense>
          ) : (
            <p className="text-slate-500">Loading changes…</p>
          )
        ) : (
          <p className="text-slate-700">{selected.summaryText}</p>
        )}
      </section>
    </div>
  );
}
