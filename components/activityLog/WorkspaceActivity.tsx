import Link from "next/link";
import type { ViaTokenDto, WorkspaceActivityPage } from "@/lib/activityLog/listWorkspaceActivity";

function tokenLabel(t: ViaTokenDto): string {
  return `${t.personal ? "personal token" : "token"} ‘${t.name ?? "deleted token"}’`;
}

/** Links that keep the page's filter: `token` and `before` as given. */
function hrefOf(base: string, query: { token?: string; before?: string }): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
  return params.size ? `${base}?${params}` : base;
}

/** The workspace's activity log, newest first: a filter to one API token, the entries with the token each came through, and older entries a page at a time. */
export function WorkspaceActivity({ base, slug, page }: { base: string; slug: string; page: WorkspaceActivityPage }) {
  const filter = page.token;
  const choices = filter && !page.tokens.some((t) => t.id === filter.id) ? [filter, ...page.tokens] : page.tokens;
  return (
    <section aria-labelledby="activity-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 id="activity-heading" className="text-sm font-semibold">{filter ? `Activity via ${tokenLabel(filter)}` : "All activity"}</h2>
        <form method="get" action={base} className="flex items-center gap-2 text-sm">
          <label htmlFor="activity-token" className="text-slate-600">API token</label>
          <select id="activity-token" name="token" defaultValue={filter?.id ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
            <option value="">Any (all activity)</option>
            {choices.map((t) => <option key={t.id} value={t.id}>{t.name ?? t.id}</option>)}
          </select>
          <button type="submit" className="rounded-md px-3 py-1 font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Show</button>
        </form>
      </div>
      {page.entries.length ? (
        <ol aria-label="Activity" className="divide-y divide-slate-100 text-sm">
          {page.entries.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline gap-x-2 px-4 py-2 text-slate-700">
              <time dateTime={a.at} className="font-mono text-xs text-slate-500">{a.at.slice(0, 16).replace("T", " ")}</time>
              <span>
                <strong>{a.actor}</strong> {a.text}
                {a.document ? (
                  <>
                    {" · "}
                    <Link prefetch={false} href={`/w/${slug}/d/${a.document.id}`} className="text-indigo-700 hover:underline">{a.document.title}</Link>
                  </>
                ) : null}
              </span>
              {a.via ? (
                <Link prefetch={false} href={hrefOf(base, { token: a.via.id })} className="rounded bg-amber-50 px-1.5 text-xs text-amber-900 ring-1 ring-amber-200 hover:underline" title="Only this token's activity">
                  {/* an entry about the token itself (made, first used, revoked) was not done through it */}
                  {a.kind.startsWith("apiToken.") ? tokenLabel(a.via) : `via ${tokenLabel(a.via)}`}
                </Link>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="px-4 py-3 text-sm text-slate-500">{filter ? "Nothing was done through this token." : "Nothing has happened yet."}</p>
      )}
      {page.next ? (
        <div className="border-t border-slate-200 px-4 py-3 text-sm">
          <Link prefetch={false} href={hrefOf(base, { token: filter?.id, before: page.next })} className="text-indigo-700 underline hover:text-indigo-900">Older entries</Link>
        </div>
      ) : null}
    </section>
  );
}
