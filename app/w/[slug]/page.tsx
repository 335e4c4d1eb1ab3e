import Link from "next/link";
import { firstParam, loadFiltered } from "@/app/_server/filtered";
import { loadWorkspacePage, readingCtx } from "@/app/_server/workspacePage";
import { DocumentFilters } from "@/components/documents/DocumentFilters";
import { DocumentTable } from "@/components/documents/DocumentTable";
import { FILTER_PARAMS, FilterChips, listHref, type FilterNames, type RawFilters } from "@/components/documents/FilterChips";
import { abilitiesFor } from "@/lib/access/policy";
import { listFieldChoices } from "@/lib/documents/documentFilters";
import { ListDocumentsInput } from "@/lib/documents/inputs";
import { listDocuments } from "@/lib/documents/listDocuments";
import { listMembers } from "@/lib/workspaces/listMembers";
import { listTemplates } from "@/lib/templates/templates";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DocumentsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const workspacePage = await loadWorkspacePage(slug, `/w/${slug}`);
  const { workspace, membership } = workspacePage;
  // the page only reads: its parts share the actor's membership, read once
  const ctx = readingCtx(workspacePage);
  const can = abilitiesFor(membership);
  const filters: RawFilters = Object.fromEntries(FILTER_PARAMS.map((k) => [k, firstParam(sp[k])]).filter(([, v]) => v));
  const [result, templates, members, fields] = await Promise.all([
    loadFiltered(ListDocumentsInput, { slug, ...filters, page: firstParam(sp.page) }, (input) => listDocuments(ctx, input)),
    listTemplates(ctx, { slug }),
    listMembers(ctx, { slug }),
    listFieldChoices(ctx, { slug }),
  ]);
  const names: FilterNames = { fields, templates, members };
  const filtered = Object.keys(filters).length > 0;
  const page = "value" in result ? result.value : undefined;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{workspace.name}</h1>
          <p className="mt-1 text-sm text-slate-600">You are {/^[aeiou]/.test(membership.role) ? "an" : "a"} {membership.role} here.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link prefetch={false} href={`/w/${slug}/decisions`} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">Decision log</Link>
          <Link prefetch={false} href={`/w/${slug}/trash`} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">Trash</Link>
          {can["workspace.export"] && page && page.total > 0 ? (
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

      <DocumentFilters slug={slug} filters={filters} names={names} />
      <FilterChips filters={filters} names={names} />
      {"error" in result ? (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-inset ring-red-200">
          {result.error} Change or remove that filter to see documents.
        </p>
      ) : null}

      {!page ? null : page.items.length ? (
        <>
          <p className="text-sm text-slate-600" aria-live="polite">{page.total} {page.total === 1 ? "document" : "documents"}</p>
          <DocumentTable slug={slug} items={page.items} />
          {page.pages > 1 ? (
            <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
              {page.page > 1 ? <Link prefetch={false} href={listHref(filters, page.page - 1)} className="text-indigo-700 hover:underline">← Previous</Link> : <span />}
              <span className="text-slate-600">Page {page.page} of {page.pages}</span>
              {page.page < page.pages ? <Link prefetch={false} href={listHref(filters, page.page + 1)} className="text-indigo-700 hover:underline">Next →</Link> : <span />}
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
