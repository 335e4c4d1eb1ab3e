import Link from "next/link";
import { firstParam, loadFiltered } from "@/app/_server/filtered";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { StatusBadge } from "@/components/documents/StatusBadge";
import { getDb } from "@/lib/db";
import { decisionLog, DecisionLogInput, type DecisionLogEntry } from "@/lib/documents/decisionLog";
import { DOCUMENT_STATUSES, STATUS_LABELS } from "@/lib/documents/status";
import { listTemplates } from "@/lib/templates/templates";

export const metadata = { title: "Decision log" };

type SearchParams = Record<string, string | string[] | undefined>;
const FILTERS = ["status", "template", "owner", "reviewer", "field", "value"] as const;

function Ref({ slug, doc }: { slug: string; doc: { id: string; number: string | null; title: string } }) {
  return (
    <Link prefetch={false} href={`/w/${slug}/d/${doc.id}`} className="text-indigo-700 hover:underline" title={doc.title}>
      {doc.number ?? doc.title}
    </Link>
  );
}

function Row({ slug, entry }: { slug: string; entry: DecisionLogEntry }) {
  return (
    <tr className="align-top">
      <td className="whitespace-nowrap px-4 py-3 font-mono text-xs text-slate-700">{entry.number}</td>
      <td className="px-4 py-3">
        <Link prefetch={false} href={`/w/${slug}/d/${entry.id}`} className="font-medium text-indigo-700 hover:underline">{entry.title}</Link>
        <p className="text-xs text-slate-500">{entry.template}</p>
      </td>
      <td className="px-4 py-3">
        <StatusBadge status={entry.status} />
        {entry.supersededBy ? <p className="mt-1 text-xs text-slate-600">by <Ref slug={slug} doc={entry.supersededBy} /></p> : null}
        {entry.supersedes.length ? (
          <p className="mt-1 text-xs text-slate-600">
            supersedes {entry.supersedes.map((d, i) => <span key={d.id}>{i ? ", " : null}<Ref slug={slug} doc={d} /></span>)}
          </p>
        ) : null}
        {entry.statusReason ? <p className="mt-1 max-w-xs text-xs text-slate-600">{entry.statusReason}</p> : null}
      </td>
      <td className="px-4 py-3 text-slate-600">{entry.owner}</td>
      <td className="px-4 py-3 text-slate-600">{entry.approvers.map((a) => `${a.name} (${a.role.replace(/_/g, " ")})`).join(", ")}</td>
      <td className="whitespace-nowrap px-4 py-3 text-slate-600">{entry.decided ? <time dateTime={entry.decided}>{entry.decided}</time> : null}</td>
    </tr>
  );
}

/**
 * Every decision of the workspace on one page, in number order: what was decided, by whom,
 * when, and what replaced what. Filtered like the document list; downloadable as index.md.
 */
export default async function DecisionLogPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { actor } = await loadWorkspacePage(slug, `/w/${slug}/decisions`);
  const ctx = { actor, db: getDb() };
  const filters = Object.fromEntries(FILTERS.map((k) => [k, firstParam(sp[k])]).filter(([, v]) => v)) as Record<string, string>;
  const [result, templates] = await Promise.all([loadFiltered(DecisionLogInput, { slug, ...filters }, (input) => decisionLog(ctx, input)), listTemplates(ctx, { slug })]);
  const query = new URLSearchParams(filters).toString();
  const input = "rounded-md px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link prefetch={false} href={`/w/${slug}`} className="text-sm text-indigo-700 hover:underline">← Documents</Link>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">Decision log</h1>
          <p className="mt-1 text-sm text-slate-600">Every document by its number: its status, who approved it, when it was decided, and what replaced it.</p>
        </div>
        <a href={`/api/workspaces/${slug}/decisions/index.md${query ? `?${query}` : ""}`} className="rounded-md px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Download index.md</a>
      </div>

      <form method="get" aria-label="Filter the decision log" className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <label className="text-sm font-medium text-slate-700">
          Status
          <select name="status" defaultValue={filters.status ?? ""} className={`mt-1 block ${input}`}>
            <option value="">Any</option>
            {DOCUMENT_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Template
          <select name="template" defaultValue={filters.template ?? ""} className={`mt-1 block ${input}`}>
            <option value="">Any</option>
            {templates.map((t) => <option key={t.id} value={t.key}>{t.name}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Field
          <input name="field" defaultValue={filters.field ?? ""} placeholder="e.g. Priority" className={`mt-1 block ${input}`} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Field contains
          <input name="value" defaultValue={filters.value ?? ""} className={`mt-1 block ${input}`} />
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900">Apply</button>
      </form>

      {"error" in result ? (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-inset ring-red-200">{result.error} Change or remove that filter to see decisions.</p>
      ) : result.value.entries.length ? (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Number</th>
                <th scope="col" className="px-4 py-2 font-medium">Title</th>
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                <th scope="col" className="px-4 py-2 font-medium">Owner</th>
                <th scope="col" className="px-4 py-2 font-medium">Approvers</th>
                <th scope="col" className="px-4 py-2 font-medium">Decided</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.value.entries.map((entry) => <Row key={entry.id} slug={slug} entry={entry} />)}
            </tbody>
          </table>
          {result.value.more ? <p className="px-4 py-3 text-sm text-slate-600">{result.value.more} more not listed: filter the log to see them.</p> : null}
        </div>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">{query ? "No decisions match these filters." : "No decisions yet: documents appear here as they are written."}</p>
      )}
    </div>
  );
}
