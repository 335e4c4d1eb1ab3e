"use client";

import { useId, useState } from "react";
import type { FieldValue } from "@/lib/templates/instantiate";
import type { FieldDef } from "@/lib/templates/schema";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

interface Props {
  documentId: string;
  sectionKey: string;
  sectionTitle: string;
  fields: FieldDef[];
  values: Record<string, FieldValue>;
  members: { userId: string; name: string }[];
  readOnly: boolean;
}

const control = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50 disabled:text-slate-700";

function asList(v: FieldValue | undefined): string[] {
  return Array.isArray(v) ? v : v ? [v] : [];
}

export function FieldControl({ field, value, onChange, members, disabled }: { field: FieldDef; value: FieldValue | undefined; onChange: (v: FieldValue) => void; members: Props["members"]; disabled: boolean }) {
  const id = useId();
  const label = (
    <label htmlFor={id} className="block text-xs font-medium text-slate-600">
      {field.label}
      {field.required ? <span className="text-red-600"> *</span> : null}
    </label>
  );
  const scalar = typeof value === "string" ? value : "";
  const hint = field.hint ? <p className="mt-1 text-xs text-slate-500">{field.hint}</p> : null;
  const multi = (options: { value: string; label: string }[]) => (
    <fieldset>
      <legend className="block text-xs font-medium text-slate-600">{field.label}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              disabled={disabled}
              checked={asList(value).includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...asList(value), o.value] : asList(value).filter((x) => x !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
      {hint}
    </fieldset>
  );
  switch (field.type) {
    case "longText":
      return <div>{label}<textarea id={id} rows={3} disabled={disabled} className={control} value={scalar} onChange={(e) => onChange(e.target.value)} />{hint}</div>;
    case "select":
      return (
        <div>
          {label}
          <select id={id} disabled={disabled} className={control} value={scalar} onChange={(e) => onChange(e.target.value || null)}>
            <option value="">—</option>
            {field.options?.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
          {scalar && field.guidance?.[scalar] ? <p className="mt-1 rounded bg-sky-50 px-2 py-1 text-xs text-sky-900" aria-live="polite">{field.guidance[scalar]}</p> : hint}
        </div>
      );
    case "multiSelect":
      return multi((field.options ?? []).map((o) => ({ value: o, label: o })));
    case "people":
      return multi(members.map((m) => ({ value: m.userId, label: m.name })));
    case "person":
      return (
        <div>
          {label}
          <select id={id} disabled={disabled} className={control} value={scalar} onChange={(e) => onChange(e.target.value || null)}>
            <option value="">—</option>
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
          </select>
          {hint}
        </div>
      );
    default: {
      const type = field.type === "date" ? "date" : field.type === "url" ? "url" : "text";
      return <div>{label}<input id={id} type={type} disabled={disabled} className={control} value={scalar} placeholder={field.type === "version" ? "1.0.0" : undefined} onChange={(e) => onChange(e.target.value || null)} />{hint}</div>;
    }
  }
}

/** The typed form fields of one section, saved together. */
export function FieldsForm({ documentId, sectionKey, sectionTitle, fields, values: initial, members, readOnly }: Props) {
  const [values, setValues] = useState(initial);
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string; fields: Record<string, string[]> }>({ kind: "idle" });
  const dirty = JSON.stringify(values) !== JSON.stringify(initial) && state.kind !== "saved";

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setState({ kind: "saving" });
    const res = await callApi(`/api/documents/${documentId}`, { method: "PATCH", body: { fields: { [sectionKey]: values } } });
    setState(res.ok ? { kind: "saved" } : { kind: "error", message: res.error.error, fields: res.error.fields ?? {} });
  }

  return (
    <form onSubmit={save} aria-label={`Fields of ${sectionTitle}`} className="rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => (
          <div key={f.key} className={f.type === "longText" ? "sm:col-span-2" : undefined}>
            <FieldControl field={f} value={values[f.key]} members={members} disabled={readOnly} onChange={(v) => { setValues((old) => ({ ...old, [f.key]: v })); setState({ kind: "idle" }); }} />
            {state.kind === "error" && state.fields[`fields.${sectionKey}.${f.key}`] ? (
              <p className="mt-1 text-xs text-red-700">{state.fields[`fields.${sectionKey}.${f.key}`]?.join(" ")}</p>
            ) : null}
          </div>
        ))}
      </div>
      {readOnly ? null : (
        <div className="mt-3 flex items-center gap-3">
          <Button type="submit" variant="secondary" disabled={state.kind === "saving" || !dirty}>{state.kind === "saving" ? "Saving…" : "Save fields"}</Button>
          {state.kind === "saved" ? <span className="text-xs text-emerald-700" role="status">Saved</span> : null}
          {state.kind === "error" ? <Alert>{state.message}</Alert> : null}
        </div>
      )}
    </form>
  );
}
