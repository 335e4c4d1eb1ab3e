"use client";

import type { FieldDef, SectionDef } from "@/lib/templates/schema";
import { Button } from "../ui/Button";
import { FIELD_TYPES, newField } from "./editorState";

const input = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

interface Props {
  section: SectionDef;
  index: number;
  count: number;
  onChange: (s: SectionDef) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function FieldRow({ field, onChange, onRemove }: { field: FieldDef; onChange: (f: FieldDef) => void; onRemove: () => void }) {
  const hasOptions = field.type === "select" || field.type === "multiSelect";
  return (
    <li className="grid gap-2 rounded-md bg-slate-50 p-2 sm:grid-cols-[1fr_8rem_1fr_auto]">
      <label className="text-xs text-slate-600">Label<input className={input} value={field.label} onChange={(e) => onChange({ ...field, label: e.target.value })} /></label>
      <label className="text-xs text-slate-600">
        Type
        <select
          className={input}
          value={field.type}
          onChange={(e) => {
            const type = e.target.value as FieldDef["type"];
            const withOptions = type === "select" || type === "multiSelect";
            onChange({ ...field, type, options: withOptions ? (field.options ?? ["Option A", "Option B"]) : undefined, guidance: withOptions ? field.guidance : undefined });
          }}
        >
          {FIELD_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        Options {hasOptions ? "(comma-separated)" : "—"}
        <input
          className={input}
          disabled={!hasOptions}
          value={field.options?.join(", ") ?? ""}
          onChange={(e) => onChange({ ...field, options: e.target.value.split(",").map((o) => o.trim()).filter(Boolean) })}
        />
      </label>
      <div className="flex items-end gap-2">
        <label className="flex items-center gap-1 text-xs text-slate-600"><input type="checkbox" checked={field.required} onChange={(e) => onChange({ ...field, required: e.target.checked })} />Required</label>
        <Button type="button" variant="ghost" onClick={onRemove} aria-label={`Remove field ${field.label}`}>✕</Button>
      </div>
    </li>
  );
}

export function SectionEditor({ section, index, count, onChange, onMove, onRemove }: Props) {
  const setField = (i: number, f: FieldDef) => onChange({ ...section, fields: section.fields.map((old, j) => (j === i ? f : old)) });
  return (
    <li className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" style={{ marginLeft: `${(section.depth - 1) * 16}px` }}>
      <div className="grid gap-3 sm:grid-cols-[1fr_6rem_auto]">
        <label className="text-xs font-medium text-slate-600">Section title<input className={input} value={section.title} onChange={(e) => onChange({ ...section, title: e.target.value })} /></label>
        <label className="text-xs font-medium text-slate-600">
          Level
          <select className={input} value={section.depth} onChange={(e) => onChange({ ...section, depth: Number(e.target.value) })}>
            {[1, 2, 3, 4, 5].map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <div className="flex items-end gap-1">
          <Button type="button" variant="ghost" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${section.title} up`}>↑</Button>
          <Button type="button" variant="ghost" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${section.title} down`}>↓</Button>
          <Button type="button" variant="danger" onClick={onRemove} aria-label={`Remove section ${section.title}`}>Remove</Button>
        </div>
      </div>
      <label className="mt-2 flex items-center gap-2 text-xs text-slate-600"><input type="checkbox" checked={section.optional} onChange={(e) => onChange({ ...section, optional: e.target.checked })} />Optional (offered, not created with each document)</label>
      <label className="mt-2 block text-xs font-medium text-slate-600">Hint<textarea rows={2} className={input} value={section.hint} onChange={(e) => onChange({ ...section, hint: e.target.value })} /></label>
      <label className="mt-2 block text-xs font-medium text-slate-600">Starter body (Markdown)<textarea rows={4} className={`${input} font-mono`} value={section.starter} onChange={(e) => onChange({ ...section, starter: e.target.value })} /></label>
      <div className="mt-3">
        <p className="text-xs font-medium text-slate-600">Fields</p>
        <ul className="mt-1 space-y-2">
          {section.fields.map((f, i) => (
            <FieldRow key={i} field={f} onChange={(nf) => setField(i, nf)} onRemove={() => onChange({ ...section, fields: section.fields.filter((_, j) => j !== i) })} />
          ))}
        </ul>
        <Button type="button" variant="secondary" className="mt-2" onClick={() => onChange({ ...section, fields: [...section.fields, newField(section)] })}>Add field</Button>
      </div>
    </li>
  );
}
