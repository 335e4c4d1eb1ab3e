import Link from "next/link";
import { DOCUMENT_STATUSES, STATUS_LABELS } from "@/lib/documents/inputs";
import { findFields } from "@/lib/documents/listFilters";
import type { FilterNames, RawFilters } from "./FilterChips";

const labelClass = "block text-xs font-medium text-slate-600";
const selectClass = "mt-1 block w-full rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const inputClass = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

/** The document list's filter form: words, status, template, people by name, and a field picked by its label. */
export function DocumentFilters({ slug, filters, names }: { slug: string; filters: RawFilters; names: FilterNames }) {
  const fieldKey = filters.field ? (findFields(names.fields, filters.field)[0]?.key ?? "") : "";
  const person = (v: string | undefined) => (v ? (names.members.find((m) => m.userId === v)?.name ?? v) : "");
  const filtered = Object.values(filters).some(Boolean);
  return (
    <form role="search" aria-label="Filter documents" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6">
      <div className="lg:col-span-2">
        <label htmlFor="q" className={labelClass}>Search</label>
        <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Words in titles and sections" className={inputClass} />
      </div>
      <div>
        <label htmlFor="status" className={labelClass}>Status</label>
        <select id="status" name="status" defaultValue={filters.status ?? ""} className={selectClass}>
          <option value="">Any</option>
          {DOCUMENT_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="template" className={labelClass}>Template</label>
        <select id="template" name="template" defaultValue={filters.template ?? ""} className={selectClass}>
          <option value="">Any</option>
          {names.templates.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="owner" className={labelClass}>Owner</label>
        <input id="owner" name="owner" list="members" defaultValue={person(filters.owner)} placeholder="Name, or me" autoComplete="off" className={inputClass} />
      </div>
      <div>
        <label htmlFor="reviewer" className={labelClass}>Reviewer</label>
        <input id="reviewer" name="reviewer" list="members" defaultValue={person(filters.reviewer)} placeholder="Name, or me" autoComplete="off" className={inputClass} />
      </div>
      <datalist id="members">
        {names.members.map((m) => <option key={m.userId} value={m.name} />)}
      </datalist>
      <div className="lg:col-span-2">
        <label htmlFor="field" className={labelClass}>Field</label>
        <select id="field" name="field" defaultValue={fieldKey} className={selectClass}>
          <option value="">Any field</option>
          {names.fields.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
        </select>
      </div>
      <div className="lg:col-span-2">
        <label htmlFor="value" className={labelClass}>Field contains</label>
        <input id="value" name="value" defaultValue={filters.value ?? ""} placeholder="e.g. prod, or a person’s name" className={inputClass} />
      </div>
      <div className="flex items-end gap-2 lg:col-span-2">
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-900">Apply</button>
        {filtered ? <Link prefetch={false} href={`/w/${slug}`} className="px-2 py-2 text-sm text-slate-600 hover:underline">Clear all</Link> : null}
      </div>
    </form>
  );
}
