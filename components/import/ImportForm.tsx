"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DocumentImportPreview, ImportResult } from "@/lib/import/importDocument";
import { MAX_IMPORT_BYTES, MAX_IMPORT_SIZE } from "@/lib/import/limits";
import type { TemplateImportPreview } from "@/lib/templates/importTemplate";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { DroppedList, ImportPreviewPanel, MojibakeWarning } from "./ImportPreviewPanel";

interface Props {
  slug: string;
  /** "document": create a document; "template": create a template (admins) */
  kind: "document" | "template";
  templates: { id: string; name: string }[];
}

type Preview = DocumentImportPreview | TemplateImportPreview;

/** Upload or paste a Markdown file, preview what it becomes, repair mis-decoded text, import. */
export function ImportForm({ slug, kind, templates }: Props) {
  const router = useRouter();
  const [markdown, setMarkdown] = useState("");
  const [fileName, setFileName] = useState<string>();
  const [templateId, setTemplateId] = useState("");
  const [repair, setRepair] = useState(false);
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<"preview" | "import">();
  const url = kind === "template" ? `/api/workspaces/${slug}/templates/import` : `/api/workspaces/${slug}/import`;

  function body(overrides: { repair?: boolean; templateId?: string } = {}) {
    const chosen = overrides.templateId ?? templateId;
    return { markdown, fileName, repairMojibake: overrides.repair ?? repair, ...(kind === "document" && chosen ? { templateId: chosen } : {}) };
  }

  async function runPreview(overrides: { repair?: boolean; templateId?: string } = {}) {
    setPending("preview");
    const res = await callApi<Preview>(url, { method: "POST", body: { ...body(overrides), dryRun: true } });
    setPending(undefined);
    if (!res.ok) {
      setPreview(undefined);
      return setError(res.error.error);
    }
    setError(undefined);
    setPreview(res.data);
  }

  async function commit() {
    setPending("import");
    const res = await callApi<ImportResult | { id: string }>(url, { method: "POST", body: body() });
    if (!res.ok) {
      setPending(undefined);
      return setError(res.error.error);
    }
    if ("document" in res.data) router.push(`/w/${slug}/d/${res.data.document.id}`);
    else router.push(`/w/${slug}/templates/${res.data.id}/edit`);
  }

  async function chooseFile(file: File | undefined) {
    setPreview(undefined);
    setRepair(false);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setError(`${file.name} is larger than ${MAX_IMPORT_SIZE}. Split it and import the parts.`);
    setError(undefined);
    setFileName(file.name);
    setMarkdown(await file.text());
  }

  const changeRepair = (value: boolean) => {
    setRepair(value);
    void runPreview({ repair: value });
  };
  const suggested = preview && "suggestedTemplateId" in preview && !templateId ? templates.find((t) => t.id === preview.suggestedTemplateId) : undefined;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
        onSubmit={(e) => {
          e.preventDefault();
          void runPreview();
        }}
      >
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">Markdown file</label>
          <input id="import-file" type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" onChange={(e) => void chooseFile(e.target.files?.[0])} className="mt-1 block w-full text-sm" />
          <p className="mt-1 text-xs text-slate-500">Up to {MAX_IMPORT_SIZE}.</p>
        </div>
        <div>
          <label htmlFor="import-text" className="block text-sm font-medium text-slate-700">Or paste Markdown</label>
          <textarea
            id="import-text"
            value={markdown}
            onChange={(e) => {
              setMarkdown(e.target.value);
              setPreview(undefined);
            }}
            rows={12}
            className="mt-1 block w-full rounded-md border-0 px-3 py-2 font-mono text-xs ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
          />
        </div>
        {kind === "document" ? (
          <div>
            <label htmlFor="import-template" className="block text-sm font-medium text-slate-700">Sections</label>
            <select
              id="import-template"
              value={templateId}
              onChange={(e) => {
                setTemplateId(e.target.value);
                if (preview) void runPreview({ templateId: e.target.value });
              }}
              className="mt-1 block w-full rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
            >
              <option value="">As is: one section per heading</option>
              {templates.map((t) => <option key={t.id} value={t.id}>Onto the template “{t.name}”</option>)}
            </select>
          </div>
        ) : null}
        <Button type="submit" variant="secondary" disabled={!markdown.trim() || Boolean(pending)}>{pending === "preview" ? "Reading…" : "Preview"}</Button>
      </form>

      <section aria-label="Preview" className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        {error ? <Alert>{error}</Alert> : null}
        {!preview ? <p className="text-sm text-slate-600">Choose a file or paste Markdown, then preview what it becomes.</p> : null}
        {preview?.mojibake ? (
          <MojibakeWarning notice={preview.mojibake} repaired={preview.repaired} pending={Boolean(pending)} onRepair={() => changeRepair(true)} onKeep={() => changeRepair(false)} />
        ) : null}
        {suggested ? (
          <p className="text-sm text-slate-700">
            This file was exported from “{suggested.name}”.{" "}
            <button type="button" className="text-indigo-700 underline" onClick={() => { setTemplateId(suggested.id); void runPreview({ templateId: suggested.id }); }}>Map it onto that template</button>
          </p>
        ) : null}
        {preview && "counts" in preview ? <ImportPreviewPanel preview={preview} /> : null}
        {preview && "definition" in preview ? <TemplateOutline preview={preview} /> : null}
        {preview ? (
          <Button type="button" onClick={() => void commit()} disabled={Boolean(pending)}>
            {pending === "import" ? "Importing…" : kind === "template" ? "Create template" : "Create document"}
          </Button>
        ) : null}
      </section>
    </div>
  );
}

function TemplateOutline({ preview }: { preview: TemplateImportPreview }) {
  const { definition } = preview;
  return (
    <div className="space-y-3">
      <h3 className="text-base font-semibold">{definition.name}</h3>
      <ol aria-label="Detected sections" className="max-h-80 space-y-1 overflow-y-auto text-sm">
        {definition.sections.map((s) => (
          <li key={s.key} style={{ paddingLeft: `${(s.depth - 1) * 14}px` }}>
            {s.title}
            {s.fields.length ? <span className="ml-2 text-xs text-slate-500">{s.fields.length} fields</span> : null}
            {s.hint ? <span className="block text-xs text-slate-500">{s.hint}</span> : null}
          </li>
        ))}
      </ol>
      {preview.dropped.length ? <DroppedList items={preview.dropped} /> : null}
    </div>
  );
}
