"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { TITLE_MAX_LENGTH as TITLE_MAX } from "@/lib/documents/title";
import { callApi } from "../ui/api";

// the counter shows while the title is edited, and whenever it is close to the limit
const NEAR_LIMIT = TITLE_MAX - 40;

/** The document title, renamed in place (Enter or leaving the field saves), with its length against the limit. */
export function TitleForm({ documentId, title, readOnly }: { documentId: string; title: string; readOnly: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);
  const counterId = useId();
  if (readOnly) return <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>;

  async function save() {
    if (value.trim() === title) return;
    const res = await callApi(`/api/documents/${documentId}`, { method: "PATCH", body: { title: value } });
    if (!res.ok) return setError(res.error.fields?.title?.join(" ") ?? res.error.error);
    setError(undefined);
    router.refresh();
  }

  const length = value.trim().length;
  const over = length > TITLE_MAX;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h1>
        <input
          aria-label="Document title"
          aria-describedby={counterId}
          aria-invalid={over || undefined}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onFocus={() => setEditing(true)}
          onBlur={() => {
            setEditing(false);
            void save();
          }}
          className="-ml-1 w-full rounded-md border-0 bg-transparent px-1 text-2xl font-semibold tracking-tight hover:ring-1 hover:ring-slate-300 focus:ring-2 focus:ring-indigo-600"
        />
      </h1>
      <p id={counterId} className={`mt-1 px-1 text-xs ${over ? "font-medium text-red-700" : "text-slate-500"} ${editing || length > NEAR_LIMIT ? "" : "sr-only"}`}>
        {over ? `${length - TITLE_MAX} ${length - TITLE_MAX === 1 ? "character" : "characters"} over the limit of ${TITLE_MAX}` : `${length} of ${TITLE_MAX} characters`}
      </p>
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </form>
  );
}
