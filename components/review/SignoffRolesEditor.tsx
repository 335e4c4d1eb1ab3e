"use client";

import { useState } from "react";
import type { ReviewDto } from "@/lib/review/loadReview";
import { Button } from "../ui/Button";
import { callApi } from "../ui/api";

interface Props {
  documentId: string;
  roles: ReviewDto["roles"];
  /** the document's sections, for scoping a role to some of them */
  sectionTitles: Record<string, string>;
  onSaved: (review: ReviewDto) => void;
}

interface Row {
  key?: string;
  name: string;
  scope: string[];
  blocksWithoutReviewer: boolean;
}

const toRow = (r: ReviewDto["roles"][number]): Row => ({ key: r.key, name: r.name, scope: r.scope, blocksWithoutReviewer: r.blocksWithoutReviewer });

const input = "mt-1 block w-full rounded-md border-0 px-2 py-1 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

/**
 * The document's own sign-off roles: rename, add, remove, and scope each to sections
 * (empty: the whole document), and whether submit waits for a reviewer. Loaded when its disclosure in the review panel opens.
 */
export function SignoffRolesEditor({ documentId, roles, sectionTitles, onSaved }: Props) {
  const [rows, setRows] = useState<Row[]>(() => roles.map(toRow));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const update = (i: number, change: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));

  async function save() {
    setSaving(true);
    const res = await callApi<ReviewDto>(`/api/documents/${documentId}/review/roles`, { method: "PUT", body: { roles: rows } });
    setSaving(false);
    if (!res.ok) return setError(res.error.fields ? `${res.error.error} ${Object.values(res.error.fields).flat().join(" ")}` : res.error.error);
    setError(undefined);
    setRows(res.data.roles.map(toRow));
    onSaved(res.data);
  }

  return (
    <>
      <p className="mt-1 text-xs text-slate-500">These roles apply to this document only. A role scoped to sections is approved for those sections; an edit elsewhere keeps its approval.</p>
      <ul className="mt-2 space-y-3">
        {rows.map((row, i) => (
          <li key={row.key ?? `new-${i}`} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
            <label className="text-xs text-slate-600">
              Role
              <input className={input} value={row.name} onChange={(e) => update(i, { name: e.target.value })} />
            </label>
            <label className="text-xs text-slate-600">
              Covers (none selected: the whole document)
              <select
                multiple
                className={`${input} h-20`}
                value={row.scope}
                onChange={(e) => update(i, { scope: Array.from(e.target.selectedOptions, (o) => o.value) })}
              >
                {Object.entries(sectionTitles).map(([key, title]) => <option key={key} value={key}>{title}</option>)}
              </select>
            </label>
            <div className="flex items-end">
              <Button type="button" variant="ghost" aria-label={`Remove role ${row.name || i + 1}`} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>✕</Button>
            </div>
            <label className="flex items-center gap-2 text-xs text-slate-600 sm:col-span-3">
              <input type="checkbox" checked={row.blocksWithoutReviewer} onChange={(e) => update(i, { blocksWithoutReviewer: e.target.checked })} />
              Submit waits until someone is assigned{row.name ? ` to ${row.name}` : ""}
            </label>
          </li>
        ))}
      </ul>
      {error ? <p role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
      <div className="mt-3 flex gap-2">
        <Button type="button" variant="secondary" onClick={() => setRows((all) => [...all, { name: "", scope: [], blocksWithoutReviewer: false }])}>Add role</Button>
        <Button type="button" disabled={saving} onClick={() => void save()}>{saving ? "Saving…" : "Save roles"}</Button>
      </div>
    </>
  );
}
