"use client";

import { useState } from "react";
import type { DocumentMetadataDto } from "@/lib/documents/metadata";
import { Button } from "../ui/Button";
import { callApi } from "../ui/api";

/**
 * The document's own front matter: every key with its value, a warning when it is not YAML
 * (it is kept and exported as written), and for those who may edit, the YAML source to change.
 */
export function MetadataPanel({ documentId, initial, canEdit }: { documentId: string; initial: DocumentMetadataDto; canEdit: boolean }) {
  const [metadata, setMetadata] = useState(initial);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  // open by itself when the front matter needs a word; then the reader decides
  const [open, setOpen] = useState(initial.error !== null);
  if (metadata.source === null && !canEdit) return null;
  const count = metadata.entries.length;

  async function save() {
    if (draft === null) return;
    setPending(true);
    const res = await callApi<DocumentMetadataDto>(`/api/documents/${documentId}/metadata`, { method: "PUT", body: { source: draft } });
    setPending(false);
    // a refusal of the YAML says why in its message, as does a request the schema refuses
    if (!res.ok) return setError(res.error.error);
    setMetadata(res.data);
    setDraft(null);
    setError(undefined);
  }

  return (
    <details className="rounded-md text-sm ring-1 ring-inset ring-slate-200" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer px-3 py-2 font-medium text-slate-700">
        Metadata {metadata.source === null ? <span className="font-normal text-slate-500">(none)</span> : <span className="font-normal text-slate-500">({count} {count === 1 ? "key" : "keys"})</span>}
      </summary>
      <div className="space-y-2 px-3 pb-3">
        {metadata.error ? (
          <p role="status" className="rounded-md bg-amber-50 p-2 text-amber-950 ring-1 ring-inset ring-amber-200">
            This front matter is not valid YAML ({metadata.error}). It is kept exactly as written and exported unchanged.
          </p>
        ) : null}
        {draft === null ? (
          <>
            {count ? (
              <dl aria-label="Metadata" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                {metadata.entries.map((e) => (
                  <div key={e.key} className="contents">
                    <dt className="font-mono text-xs text-slate-600">{e.key}</dt>
                    <dd className="whitespace-pre-wrap break-words">{e.value || "—"}</dd>
                  </div>
                ))}
              </dl>
            ) : metadata.error ? <pre className="whitespace-pre-wrap break-words font-mono text-xs">{metadata.source}</pre> : null}
            {canEdit ? (
              <Button type="button" variant="secondary" onClick={() => setDraft(metadata.source ?? "")}>Edit as YAML</Button>
            ) : null}
          </>
        ) : (
          <form className="space-y-2" onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <label className="block text-slate-700" htmlFor={`metadata-${documentId}`}>Front matter (YAML: one key per line, comments kept)</label>
            <textarea
              id={`metadata-${documentId}`}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              rows={Math.min(20, Math.max(4, draft.split("\n").length + 1))}
              spellCheck={false}
              className="w-full rounded-md border-0 font-mono text-xs ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
            />
            {error ? <p role="alert" className="text-red-700">{error}</p> : null}
            <div className="flex gap-2">
              <Button type="submit" disabled={pending}>Save metadata</Button>
              <Button type="button" variant="secondary" onClick={() => { setDraft(null); setError(undefined); }} disabled={pending}>Cancel</Button>
            </div>
          </form>
        )}
      </div>
    </details>
  );
}
