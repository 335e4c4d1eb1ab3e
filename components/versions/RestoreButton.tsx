"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { RestorePreviewDto } from "@/lib/versions/previewRestore";
import type { VersionDto } from "@/lib/versions/present";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { RestoreDialog } from "./RestoreDialog";

/** Restores a whole version or one of its sections once the reader confirms what it changes, then shows the new version it made. */
export function RestoreButton({ documentId, number, sectionKey, sectionTitle, label, historyPath }: { documentId: string; number: number; sectionKey?: string; sectionTitle?: string; label: string; historyPath: string }) {
  const router = useRouter();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<RestorePreviewDto>();
  const [error, setError] = useState<string>();
  const [restoring, setRestoring] = useState(false);
  const [done, setDone] = useState<string>();
  const base = `/api/documents/${documentId}/versions/${number}/restore`;

  async function ask() {
    setOpen(true);
    setPreview(undefined);
    setError(undefined);
    setDone(undefined);
    const res = await callApi<RestorePreviewDto>(`${base}/preview${sectionKey ? `?sectionKey=${encodeURIComponent(sectionKey)}` : ""}`);
    if (res.ok) setPreview(res.data);
    else setError(res.error.error);
  }

  async function restore() {
    setRestoring(true);
    setError(undefined);
    const res = await callApi<VersionDto>(base, { method: "POST", body: sectionKey ? { sectionKey } : {} });
    setRestoring(false);
    if (!res.ok) return setError(res.error.error);
    setOpen(false);
    setDone(`Restored — saved as v${res.data.number}.`);
    router.push(`${historyPath}?v=${res.data.number}`);
    router.refresh();
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button ref={button} variant="secondary" className="px-2 py-1 text-xs" aria-haspopup="dialog" onClick={() => void ask()}>{label}</Button>
      {done ? <span role="status" className="text-xs text-emerald-700">{done}</span> : null}
      {open ? (
        <RestoreDialog
          heading={sectionTitle ? `Restore “${sectionTitle}” from v${number}?` : `Restore v${number}?`}
          preview={preview}
          error={error}
          restoring={restoring}
          onConfirm={() => void restore()}
          onCancel={() => setOpen(false)}
          opener={() => button.current}
        />
      ) : null}
    </span>
  );
}
