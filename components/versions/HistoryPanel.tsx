"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { VersionDto } from "@/lib/versions/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

const KIND: Record<VersionDto["kind"], string> = { auto: "auto", named: "named", status: "status", restore: "restore" };

/** Columns shown beside the version on wider screens; on a phone their facts sit under it. */
const WIDE = "hidden sm:table-cell";

const authorsOf = (v: VersionDto) => (v.authors.length ? v.authors : v.createdBy ? [v.createdBy] : []).map((p) => p.name).join(", ") || "—";

function Time({ iso }: { iso: string }) {
  return <time dateTime={iso} title="UTC">{iso.slice(0, 16).replace("T", " ")}</time>;
}

/** The version list: open one, pick two to compare, name the current content. */
export function HistoryPanel({ documentId, historyPath, versions, canCreate, from, to }: { documentId: string; historyPath: string; versions: VersionDto[]; canCreate: boolean; from?: string; to?: string }) {
  const router = useRouter();
  const [a, setA] = useState(from ?? String(versions[1]?.number ?? versions[0]?.number ?? ""));
  const [b, setB] = useState(to ?? String(versions[0]?.number ?? "current"));
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string>();

  async function name(e: React.FormEvent) {
    e.preventDefault();
    setError(undefined);
    const res = await callApi<VersionDto>(`/api/documents/${documentId}/versions`, { method: "POST", body: { label } });
    if (!res.ok) return setError(res.error.error);
    setLabel("");
    router.refresh();
  }

  return (
    <section aria-labelledby="versions-heading" className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id="versions-heading" className="text-lg font-semibold">Versions</h2>
        {canCreate ? (
          <form onSubmit={(e) => void name(e)} className="flex w-full items-end gap-2 sm:ml-auto sm:w-auto">
            <label className="min-w-0 flex-1 text-xs font-medium text-slate-600 sm:flex-none">
              Version name
              <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} placeholder="v1.0 submitted for review" className="mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 sm:w-56" />
            </label>
            <Button type="submit" className="shrink-0 whitespace-nowrap">Name this version</Button>
          </form>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {versions.length ? (
        <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Versions">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">From</th>
              <th scope="col" className="py-1 pr-3 font-medium">To</th>
              <th scope="col" className="py-1 pr-3 font-medium">Version</th>
              {/* narrow screens show these under the version instead (WIDE hides the columns) */}
              <th scope="col" className={`py-1 pr-3 font-medium ${WIDE}`}>Time</th>
              <th scope="col" className={`py-1 pr-3 font-medium ${WIDE}`}>Authors</th>
              <th scope="col" className={`py-1 font-medium ${WIDE}`}>Changes</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr>
              <td />
              <td className="py-1.5"><input type="radio" name="to" aria-label="Compare to the current content" checked={b === "current"} onChange={() => setB("current")} /></td>
              <td className="py-1.5 pr-3 text-slate-600 italic" colSpan={4}>Current content</td>
            </tr>
            {versions.map((v) => (
              <tr key={v.number} data-version={v.number}>
                <td className="py-1.5 align-top"><input type="radio" name="from" aria-label={`Compare from v${v.number}`} checked={a === String(v.number)} onChange={() => setA(String(v.number))} /></td>
                <td className="py-1.5 align-top"><input type="radio" name="to" aria-label={`Compare to v${v.number}`} checked={b === String(v.number)} onChange={() => setB(String(v.number))} /></td>
                <td className="py-1.5 pr-3">
                  <Link prefetch={false} href={`${historyPath}?v=${v.number}`} className="font-medium text-indigo-700 hover:underline">v{v.number}</Link>
                  {v.label ? <span className="ml-1">{v.label}</span> : null}
                  <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">{KIND[v.kind]}</span>
                  <dl className="mt-0.5 space-y-0.5 text-xs text-slate-600 sm:hidden">
                    <div><dt className="sr-only">Time</dt><dd><Time iso={v.createdAt} /></dd></div>
                    <div><dt className="inline">By </dt><dd className="inline">{authorsOf(v)}</dd></div>
                    {v.summaryText ? <div><dt className="sr-only">Changes</dt><dd className="text-slate-700">{v.summaryText}</dd></div> : null}
                  </dl>
                </td>
                <td className={`py-1.5 pr-3 whitespace-nowrap ${WIDE}`}><Time iso={v.createdAt} /></td>
                <td className={`py-1.5 pr-3 ${WIDE}`}>{authorsOf(v)}</td>
                <td className={`py-1.5 text-slate-700 ${WIDE}`}>{v.summaryText}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : (
        <p className="text-sm text-slate-500">No versions yet: one is made when editing pauses, at every status change, and when you name one.</p>
      )}
      {versions.length ? (
        <Button variant="secondary" disabled={!a || a === b} onClick={() => router.push(`${historyPath}?from=${a}&to=${b}`)}>Compare</Button>
      ) : null}
    </section>
  );
}
