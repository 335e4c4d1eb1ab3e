"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";

const MAX_BYTES = 32 * 1024 * 1024;

interface Imported {
  id: string;
  title: string;
  file: string;
  images: { stored: number; missing: { src: string; reason: string }[] };
}

/**
 * Import a zip of Markdown files with their images (as the workspace export writes it):
 * every .md file becomes a document, images referred to by relative path come along, and
 * the result lists each document with the images that could not be found.
 */
export function ZipImportForm({ slug }: { slug: string }) {
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [imported, setImported] = useState<Imported[]>();

  async function submit() {
    if (!file) return;
    if (file.size > MAX_BYTES) return setError(`${file.name} is larger than 32 MB. Split it and import the parts.`);
    setPending(true);
    setError(undefined);
    const form = new FormData();
    form.append("file", file, file.name);
    try {
      const res = await fetch(`/api/workspaces/${slug}/import.zip`, { method: "POST", body: form });
      const body = (await res.json().catch(() => ({}))) as { documents?: Imported[]; error?: string };
      if (!res.ok || !body.documents) setError(body.error ?? `The import failed (${res.status}).`);
      else setImported(body.documents);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <section aria-label="Import a zip" className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-base font-semibold">Import a zip with images</h2>
      <p className="text-sm text-slate-600">A zip of Markdown files and the images they refer to by relative path (such as a workspace export). Every .md file becomes a document, as is.</p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div>
          <label htmlFor="import-zip" className="block text-sm font-medium text-slate-700">Zip file</label>
          <input id="import-zip" type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0])} className="mt-1 block text-sm" />
        </div>
        <Button type="submit" disabled={!file || pending}>{pending ? "Importing…" : "Import zip"}</Button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {imported ? (
        <ul aria-label="Imported documents" className="space-y-2 text-sm">
          {imported.map((doc) => (
            <li key={doc.id}>
              <Link prefetch={false} href={`/w/${slug}/d/${doc.id}`} className="font-medium text-indigo-700 hover:underline">{doc.title}</Link>
              <span className="ml-2 text-slate-600">from {doc.file}, {doc.images.stored} image(s)</span>
              {doc.images.missing.length ? (
                <ul aria-label={`Images not imported for ${doc.title}`} className="mt-1 list-disc pl-5 text-amber-800">
                  {doc.images.missing.map((m) => <li key={m.src}>{m.src}: {m.reason}; its address is kept as written.</li>)}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
