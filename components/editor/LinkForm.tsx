"use client";

import { useId, useState } from "react";

interface Props {
  /** the address of the link being edited, "" for a new one */
  href: string;
  /** links the selection; returns why it could not, or null when done */
  onApply: (href: string) => string | null;
  /** closes the form and gives the text back the focus */
  onClose: () => void;
}

/** The small form Ctrl/Cmd+K and the toolbar's link button open under a section's text. */
export function LinkForm({ href, onApply, onClose }: Props) {
  const [value, setValue] = useState(href);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const apply = (next: string) => {
    const refused = onApply(next);
    if (refused) setError(refused);
    else onClose();
  };
  return (
    <form
      aria-label="Link"
      className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 px-2 py-1.5 text-sm ring-1 ring-slate-200"
      onSubmit={(e) => {
        e.preventDefault();
        apply(value);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <label className="flex min-w-64 flex-1 items-center gap-2">
        <span className="text-slate-600">Link address</span>
        <input
          autoFocus
          type="text"
          inputMode="url"
          value={value}
          placeholder="https://…"
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="flex-1 rounded border border-slate-300 px-2 py-1 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
      </label>
      <button type="submit" className="rounded bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700">
        Apply
      </button>
      {href ? (
        <button type="button" onClick={() => apply("")} className="rounded px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100">
          Remove link
        </button>
      ) : null}
      <button type="button" onClick={onClose} className="rounded px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100">
        Cancel
      </button>
      {error ? (
        <p id={errorId} role="alert" className="w-full text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
