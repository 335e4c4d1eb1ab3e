"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "../ui/api";

/** The document title, renamed in place (Enter or leaving the field saves). */
export function TitleForm({ documentId, title, readOnly }: { documentId: string; title: string; readOnly: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string>();
  if (readOnly) return <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>;

  async function save() {
    if (value.trim() === title) return;
    const res = await callApi(`/api/documents/${documentId}`, { method: "PATCH", body: { title: value } });
    if (!res.ok) return setError(res.error.fields?.title?.join(" ") ?? res.error.error);
    setError(undefined);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h1>
        <input
          aria-label="Document title"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => void save()}
          className="w-full rounded-md border-0 bg-transparent px-1 text-2xl font-semibold tracking-tight hover:ring-1 hover:ring-slate-300 focus:ring-2 focus:ring-indigo-600"
        />
      </h1>
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </form>
  );
}
