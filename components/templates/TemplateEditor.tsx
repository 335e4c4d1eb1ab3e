"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TemplateDefinition } from "@/lib/templates/schema";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { move, newRole, newSection } from "./editorState";
import { SectionEditor } from "./SectionEditor";

const input = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

export function TemplateEditor({ slug, templateId, version, definition }: { slug: string; templateId: string; version: number; definition: TemplateDefinition }) {
  const router = useRouter();
  const [def, setDef] = useState(definition);
  const [saved, setSaved] = useState(version);
  const [error, setError] = useState<{ message: string; fields: string[] }>();
  const [notice, setNotice] = useState<string>();
  const update = (patch: Partial<TemplateDefinition>) => {
    setDef((d) => ({ ...d, ...patch }));
    setNotice(undefined);
  };

  async function save() {
    setError(undefined);
    const res = await callApi<{ version: number }>(`/api/workspaces/${slug}/templates/${templateId}`, { method: "PATCH", body: { definition: def, expectedVersion: saved } });
    if (!res.ok) {
      setError({ message: res.error.error, fields: Object.entries(res.error.fields ?? {}).map(([k, v]) => `${k}: ${v.join(" ")}`) });
      return;
    }
    setSaved(res.data.version);
    setNotice(`Saved as version ${res.data.version}. New documents use it; existing ones keep their version.`);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <div className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2">
        <label className="text-xs font-medium text-slate-600">Template name<input className={input} value={def.name} onChange={(e) => update({ name: e.target.value })} /></label>
        <label className="text-xs font-medium text-slate-600">New document title<input className={input} value={def.titlePattern} onChange={(e) => update({ titlePattern: e.target.value })} /></label>
        <label className="text-xs font-medium text-slate-600 sm:col-span-2">Description<textarea rows={2} className={input} value={def.description} onChange={(e) => update({ description: e.target.value })} /></label>
      </div>

      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading" className="text-lg font-semibold">Sections</h2>
        <ol className="mt-3 space-y-3">
          {def.sections.map((s, i) => (
            <SectionEditor
              key={`${s.key}-${i}`}
              section={s}
              index={i}
              count={def.sections.length}
              onChange={(ns) => update({ sections: def.sections.map((old, j) => (j === i ? ns : old)) })}
              onMove={(by) => update({ sections: move(def.sections, i, by) })}
              onRemove={() => update({ sections: def.sections.filter((_, j) => j !== i), signoffRoles: def.signoffRoles.map((r) => ({ ...r, scope: r.scope.filter((k) => k !== s.key) })) })}
            />
          ))}
        </ol>
        <Button type="button" variant="secondary" className="mt-3" onClick={() => update({ sections: [...def.sections, newSection(def)] })}>Add section</Button>
      </section>

      <section aria-labelledby="roles-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="roles-heading" className="text-lg font-semibold">Sign-off roles</h2>
        <ul className="mt-3 space-y-2">
          {def.signoffRoles.map((r, i) => (
            <li key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto]">
              <label className="text-xs text-slate-600">Role<input className={input} value={r.name} onChange={(e) => update({ signoffRoles: def.signoffRoles.map((o, j) => (j === i ? { ...o, name: e.target.value } : o)) })} /></label>
              <label className="text-xs text-slate-600">
                Covers (none selected = whole document)
                <select
                  multiple
                  className={`${input} h-20`}
                  value={r.scope}
                  onChange={(e) => update({ signoffRoles: def.signoffRoles.map((o, j) => (j === i ? { ...o, scope: Array.from(e.target.selectedOptions, (opt) => opt.value) } : o)) })}
                >
                  {def.sections.map((s) => <option key={s.key} value={s.key}>{s.title}</option>)}
                </select>
              </label>
              <div className="flex items-end"><Button type="button" variant="ghost" onClick={() => update({ signoffRoles: def.signoffRoles.filter((_, j) => j !== i) })} aria-label={`Remove role ${r.name}`}>✕</Button></div>
              <label className="flex items-center gap-2 text-xs text-slate-600 sm:col-span-3">
                <input type="checkbox" checked={r.blocksWithoutReviewer} onChange={(e) => update({ signoffRoles: def.signoffRoles.map((o, j) => (j === i ? { ...o, blocksWithoutReviewer: e.target.checked } : o)) })} />
                Submit for review waits until someone is assigned to {r.name || "this role"} (otherwise a warning only)
              </label>
            </li>
          ))}
        </ul>
        <Button type="button" variant="secondary" className="mt-3" onClick={() => update({ signoffRoles: [...def.signoffRoles, newRole(def)] })}>Add role</Button>
      </section>

      <div className="sticky bottom-0 flex items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
        <Button type="button" onClick={save}>Save as version {saved + 1}</Button>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error ? (
          <Alert>
            {error.message}
            {error.fields.length ? <ul className="mt-1 list-disc pl-5 text-xs">{error.fields.map((f) => <li key={f}>{f}</li>)}</ul> : null}
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
