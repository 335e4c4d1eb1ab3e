import Link from "next/link";
import { STATUS_LABELS, type DocumentStatus } from "@/lib/documents/inputs";
import { findFields, type FieldChoice } from "@/lib/documents/listFilters";

export const FILTER_PARAMS = ["q", "status", "template", "owner", "reviewer", "field", "value"] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
/** The list's filters as the address holds them, before they are checked. */
export type RawFilters = Partial<Record<FilterParam, string>>;

export interface FilterNames {
  fields: FieldChoice[];
  templates: { key: string; name: string }[];
  members: { userId: string; name: string }[];
}

interface Chip {
  label: string;
  remove: FilterParam[];
}

/** The address of the list with these filters, on the first page. */
export function listHref(filters: RawFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const key of FILTER_PARAMS) if (filters[key]) params.set(key, filters[key]);
  if (page > 1) params.set("page", String(page));
  return `?${params}`;
}

function chips(f: RawFilters, names: FilterNames): Chip[] {
  const person = (v: string) => names.members.find((m) => m.userId === v)?.name ?? v;
  const out: Chip[] = [];
  if (f.q) out.push({ label: `Search: “${f.q}”`, remove: ["q"] });
  if (f.status) out.push({ label: `Status: ${STATUS_LABELS[f.status as DocumentStatus] ?? f.status}`, remove: ["status"] });
  if (f.template) out.push({ label: `Template: ${names.templates.find((t) => t.key === f.template)?.name ?? f.template}`, remove: ["template"] });
  if (f.owner) out.push({ label: `Owner: ${person(f.owner)}`, remove: ["owner"] });
  if (f.reviewer) out.push({ label: `Reviewer: ${person(f.reviewer)}`, remove: ["reviewer"] });
  const field = f.field ? (findFields(names.fields, f.field)[0]?.label ?? f.field) : undefined;
  if (field || f.value) out.push({ label: field && f.value ? `${field} contains “${f.value}”` : field ? `${field}: (no value)` : `Any field contains “${f.value}”`, remove: ["field", "value"] });
  return out;
}

/** The active filters, each with a link that removes it. */
export function FilterChips({ filters, names }: { filters: RawFilters; names: FilterNames }) {
  const list = chips(filters, names);
  if (!list.length) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      {list.map((chip) => {
        const rest = { ...filters };
        for (const key of chip.remove) delete rest[key];
        return (
          <li key={chip.label} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pl-3 pr-1 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200">
            {chip.label}
            <Link prefetch={false} href={listHref(rest)} aria-label={`Remove filter ${chip.label}`} className="rounded-full px-1.5 text-indigo-700 hover:bg-indigo-100">
              ×
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
