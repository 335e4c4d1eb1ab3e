"use client";

import { useId, useRef } from "react";
import type { RestorePreviewDto } from "@/lib/versions/previewRestore";
import { Button } from "../ui/Button";
import { useDialogFocus } from "../ui/useDialogFocus";

export interface RestoreDialogProps {
  /** "Restore v3?" or "Restore “Design” from v3?" */
  heading: string;
  preview: RestorePreviewDto | undefined;
  error: string | undefined;
  restoring: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** the button that opened the dialog, to take the focus back */
  opener: () => HTMLElement | null;
}

/** Asks before a restore, naming each section it would change and how; offers no restore when nothing would change. */
export function RestoreDialog({ heading, preview, error, restoring, onConfirm, onCancel, opener }: RestoreDialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const id = useId();
  useDialogFocus(true, () => !restoring && onCancel(), box, opener);
  const nothing = preview && !preview.changes.length;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onClick={(e) => e.target === e.currentTarget && !restoring && onCancel()}>
      <div ref={box} role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} className="w-full max-w-lg space-y-3 rounded-lg bg-white p-5 text-left shadow-xl">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">{heading}</h2>
        <div id={`${id}-text`} className="space-y-2 text-sm text-slate-700">
          {!preview && !error ? <p role="status">Working out what would change…</p> : null}
          {nothing ? <p>Nothing would change: v{preview.number}{preview.sectionTitle ? `’s “${preview.sectionTitle}”` : ""} is the same as the current content.</p> : null}
          {preview?.changes.length ? (
            <>
              <p>{preview.changes.length === 1 ? "This section will change:" : `These ${preview.changes.length} sections will change:`}</p>
              <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md bg-slate-50 px-3 py-2" aria-label="Sections that will change">
                {preview.changes.map((c) => (
                  <li key={c.key}>
                    <span className="font-medium text-slate-900">{c.title.trim() || "Untitled"}</span> — {c.text}
                  </li>
                ))}
              </ul>
              <p className="text-xs text-slate-600">The current content stays in the history: the restore is saved as a new version.</p>
            </>
          ) : null}
          {error ? <p role="alert" className="text-red-700">{error}</p> : null}
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" disabled={restoring} onClick={onCancel}>{nothing ? "Close" : "Cancel"}</Button>
          {preview?.changes.length ? <Button type="button" disabled={restoring} onClick={onConfirm}>{restoring ? "Restoring…" : "Confirm"}</Button> : null}
        </div>
      </div>
    </div>
  );
}
