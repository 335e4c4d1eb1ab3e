"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { draftTitle, leftoverStandIn, TITLE_MAX_LENGTH } from "@/lib/documents/title";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

interface Props {
  slug: string;
  templateId: string;
  templateName: string;
  titlePattern: string;
  onCancel: () => void;
}

/**
 * Asks for a new document's title before creating it: the box starts with the template's
 * pattern, its stand-in for the name selected ("[Title]"), and counts down to the limit.
 */
export function CreateDocumentForm({ slug, templateId, templateName, titlePattern, onCancel }: Props) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft] = useState(() => draftTitle(titlePattern));
  const [title, setTitle] = useState(draft.title);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.setSelectionRange(draft.selectionStart, draft.selectionEnd);
  }, [draft]);

  function problem(): string | undefined {
    if (!title.trim()) return "Enter a title.";
    const standIn = leftoverStandIn(title);
    if (standIn) return `Replace “${standIn}” with the document’s name.`;
    return undefined;
  }

  async function create() {
    const found = problem();
    if (found) {
      setError(found);
      input.current?.focus();
      return;
    }
    setPending(true);
    const res = await callApi<{ id: string }>(`/api/workspaces/${slug}/documents`, { method: "POST", body: { templateId, title: title.trim() } });
    if (res.ok) return router.push(`/w/${slug}/d/${res.data.id}`);
    setError(res.error.fields?.title?.join(" ") ?? res.error.error);
    setPending(false);
  }

  const left = TITLE_MAX_LENGTH - title.length;
  return (
    <form
      aria-label={`New document from ${templateName}`}
      className="space-y-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
      onSubmit={(e) => { e.preventDefault(); void create(); }}
      onKeyDown={(e) => { if (e.key === "Escape" && !pending) { e.preventDefault(); onCancel(); } }}
    >
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">Title</label>
        <span id={`${id}-count`} className={`text-xs tabular-nums ${left < 20 ? "text-amber-700" : "text-slate-500"}`}>
          {title.length}/{TITLE_MAX_LENGTH}
        </span>
      </div>
      <input
        ref={input}
        id={id}
        required
        maxLength={TITLE_MAX_LENGTH}
        value={title}
        onChange={(e) => { setTitle(e.target.value); setError(undefined); }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-count` : `${id}-count`}
        className="block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
      />
      {error ? <p id={`${id}-error`} role="alert" className="text-sm text-red-700">{error}</p> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create"}</Button>
        <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>Cancel</Button>
      </div>
    </form>
  );
}
