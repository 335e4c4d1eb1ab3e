"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { VersionDto } from "@/lib/versions/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

const KIND: Record<VersionDto["kind"], string> = { auto: "auto", named: "named", status: "status", restore: "restore" };

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
          <form onSubmit={(e) => void name(e)} className="ml-auto flex items-end gap-2">
            <label className="text-xs font-medium text-slate-600">
              Version name
              <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} placeholder="v1.0 sent for review" className="mt-1 block w-56 rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
            </label>
            <Button type="submit">Name this version</Button>
          </form>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {versions.length ? (
        <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Versions">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">From</th>
              <th scope="col" className="py-1 font-medium">To</th>
              <th scope="col" className="py-1 pr-3 font-medium">Version</th>
              <th scope="col" className="py-1 pr-3 font-medium">Time</th>
              <th scope="col" className="py-1 pr-3 font-medium">Authors</th>
              <th scope="col" className="py-1 font-medium">Changes</th>
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
                <td className="py-1.5"><input type="radio" name="from" aria-label={`Compare from v${v.number}`} checked={a === String(v.number)} onChange={() => setA(String(v.number))} /></td>
                <td className="py-1.5"><input type="radio" name="to" aria-label={`Compare to v${v.number}`} checked={b === String(v.number)} onChange={() => setB(String(v.number))} /></td>
                <td className="py-1.5 pr-3">
                  <Link prefetch={false} href={`${historyPath}?v=${v.number}`} className="font-medium text-indigo-700 hover:underline">v{v.number}</Link>
                  {v.label ? <span className="ml-1">{v.label}</span> : null}
                  <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">{KIND[v.kind]}</span>
                </td>
                <td className="py-1.5 pr-3 whitespace-nowrap"><time dateTime={v.createdAt} title="UTC">{v.createdAt.slice(0, 16).replace("T", " ")}</time></td>
                <td className="py-1.5 pr-3">{(v.authors.length ? v.authors : v.createdBy ? [v.createdBy] : []).map((p) => p.name).join(", ") || "—"}</td>
                <td className="py-1.5 text-slate-700">{v.summaryText}</td>
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
