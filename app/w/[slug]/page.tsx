import Link from "next/link";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { DocumentTable } from "@/components/documents/DocumentTable";
import { abilitiesFor } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { DOCUMENT_STATUSES, ListDocumentsInput, STATUS_LABELS } from "@/lib/documents/inputs";
import { listDocuments } from "@/lib/documents/listDocuments";
import { listMembers } from "@/lib/workspaces/listMembers";
import { listTemplates } from "@/lib/templates/templates";

type SearchParams = Record<string, string | string[] | undefined>;

const selectClass = "mt-1 block w-full rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const inputClass = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

function one(v: string | string[] | undefined): string | undefined {
  return (Array.isArray(v) ? v[0] : v) || undefined;
}

export default async function DocumentsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { actor, workspace, membership } = await loadWorkspacePage(slug, `/w/${slug}`);
  const ctx = { actor, db: getDb() };
  const can = abilitiesFor(membership);
  const parsed = ListDocumentsInput.safeParse({
    slug,
    status: one(sp.status),
    template: one(sp.template),
    owner: one(sp.owner),
    field: one(sp.field),
    value: one(sp.value),
    q: one(sp.q),
    page: one(sp.page),
  });
  const filters = parsed.success ? parsed.data : ListDocumentsInput.parse({ slug });
  const [page, templates, members] = await Promise.all([listDocuments(ctx, filters), listTemplates(ctx, { slug }), listMembers(ctx, { slug })]);
  const filtered = Boolean(filters.status || filters.template || filters.owner || filters.field || filters.q);
  const query = (p: number) => {
    const u = new URLSearchParams();
    for (const k of ["status", "template", "owner", "field", "value", "q"] as const) if (filters[k]) u.set(k, String(filters[k]));
    u.set("page", String(p));
    return `?${u}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{workspace.name}</h1>
          <p className="mt-1 text-sm text-slate-600">You are {/^[aeiou]/.test(membership.role) ? "an" : "a"} {membership.role} here.</p>
        </div>
        <div className="flex gap-2">
          <Link prefetch={false} href={`/w/${slug}/trash`} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">Trash</Link>
          {can["workspace.export"] && page.total > 0 ? (
            <a href={`/api/workspaces/${slug}/export.zip`} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">Download all (zip)</a>
          ) : null}
          {can["document.import"] ? (
            <Link prefetch={false} href={`/w/${slug}/import`} className="rounded-md px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Import Markdown</Link>
          ) : null}
          {can["document.create"] ? (
            <Link prefetch={false} href={`/w/${slug}/templates`} className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">New document</Link>
          ) : null}
        </div>
      </div>

      <form role="search" aria-label="Filter documents" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6">
        <div className="lg:col-span-2">
          <label htmlFor="q" className="block text-xs font-medium text-slate-600">Search</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Words in titles and sections" className={inputClass} />
        </div>
        <div>
          <label htmlFor="status" className="block text-xs font-medium text-slate-600">Status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className={selectClass}>
            <option value="">Any</option>
            {DOCUMENT_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="template" className="block text-xs font-medium text-slate-600">Template</label>
          <select id="template" name="template" defaultValue={filters.template ?? ""} className={selectClass}>
            <option value="">Any</option>
            {templates.map((t) => <option key={t.id} value={t.key}>{t.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="owner" className="block text-xs font-medium text-slate-600">Owner</label>
          <select id="owner" name="owner" defaultValue={filters.owner ?? ""} className={selectClass}>
            <option value="">Anyone</option>
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-900">Apply</button>
          {filtered ? <Link prefetch={false} href={`/w/${slug}`} className="px-2 py-2 text-sm text-slate-600 hover:underline">Clear</Link> : null}
        </div>
        <details className="sm:col-span-2 lg:col-span-6" open={Boolean(filters.field)}>
          <summary className="cursor-pointer text-xs text-slate-600">Filter by a field</summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="field" className="block text-xs font-medium text-slate-600">Field key</label>
              <input id="field" name="field" defaultValue={filters.field ?? ""} placeholder="e.g. quality_level" className={inputClass} />
            </div>
            <div>
              <label htmlFor="value" className="block text-xs font-medium text-slate-600">Value</label>
              <input id="value" name="value" defaultValue={filters.value ?? ""} placeholder={`e.g. production, or "me"`} className={inputClass} />
            </div>
          </div>
        </details>
      </form>

      {page.items.length ? (
        <>
          <p className="text-sm text-slate-600" aria-live="polite">{page.total} {page.total === 1 ? "document" : "documents"}</p>
          <DocumentTable slug={slug} items={page.items} />
          {page.pages > 1 ? (
            <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
              {page.page > 1 ? <Link prefetch={false} href={query(page.page - 1)} className="text-indigo-700 hover:underline">← Previous</Link> : <span />}
              <span className="text-slate-600">Page {page.page} of {page.pages}</span>
              {page.page < page.pages ? <Link prefetch={false} href={query(page.page + 1)} className="text-indigo-700 hover:underline">Next →</Link> : <span />}
            </nav>
          ) : null}
        </>
      ) : (
        <section className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="text-lg font-medium">{filtered ? "No documents match" : "No design documents yet"}</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
            {filtered
              ? "Try other words or fewer filters."
              : "Documents are written from templates of typed sections and signed off by reviewers."}
          </p>
          {!filtered && can["document.create"] ? (
            <Link prefetch={false} href={`/w/${slug}/templates`} className="mt-4 inline-flex rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">Choose a template</Link>
          ) : null}
        </section>
      )}
    </div>
  );
}
