import Link from "next/link";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { TemplateActions } from "@/components/templates/TemplateActions";
import { abilitiesFor } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { listTemplates } from "@/lib/templates/templates";

export const metadata = { title: "Templates" };

export default async function TemplatesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, membership } = await loadWorkspacePage(slug, `/w/${slug}/templates`);
  const can = abilitiesFor(membership);
  const templates = await listTemplates({ actor, db: getDb() }, { slug });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Templates</h1>
          <p className="mt-1 text-sm text-slate-600">Start a design document from a structure your team already uses.</p>
        </div>
        {can["template.import"] ? (
          <Link prefetch={false} href={`/w/${slug}/import?as=template`} className="rounded-md px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Import as template</Link>
        ) : null}
      </div>
      <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Templates">
        {templates.map((t) => (
          <li key={t.id} className="flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <div className="flex items-start justify-between gap-2">
              <h2 className="text-base font-semibold text-slate-900">{t.name}</h2>
              <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t.builtin ? "Built-in" : `v${t.version}`}</span>
            </div>
            <p className="mt-1 text-sm text-slate-600">{t.description}</p>
            <p className="mt-3 text-xs text-slate-500">{t.sectionCount} sections</p>
            {t.signoffRoles.length ? (
              <ul className="mt-2 flex flex-wrap gap-1" aria-label={`Sign-off roles of ${t.name}`}>
                {t.signoffRoles.map((r) => (
                  <li key={r.key} className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-800 ring-1 ring-inset ring-indigo-200">{r.name}</li>
                ))}
              </ul>
            ) : null}
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-slate-700">Outline</summary>
              <ol className="mt-2 max-h-64 space-y-0.5 overflow-y-auto text-xs text-slate-600">
                {t.outline.map((s, i) => (
                  <li key={i} style={{ paddingLeft: `${(s.depth - 1) * 12}px` }}>
                    {s.title}
                    {s.optional ? <span className="text-slate-500"> (optional)</span> : null}
                  </li>
                ))}
              </ol>
            </details>
            <div className="mt-auto">
              <TemplateActions slug={slug} templateId={t.id} templateName={t.name} titlePattern={t.titlePattern} canCreate={can["document.create"]} canManage={can["template.manage"]} editable={!t.builtin} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
