import Link from "next/link";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { ImportForm } from "@/components/import/ImportForm";
import { ZipImportForm } from "@/components/import/ZipImportForm";
import { Alert } from "@/components/ui/Alert";
import { abilitiesFor } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { listTemplates } from "@/lib/templates/templates";

export const metadata = { title: "Import Markdown" };

export default async function ImportPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ as?: string }> }) {
  const { slug } = await params;
  const kind = (await searchParams).as === "template" ? "template" : "document";
  const { actor, membership } = await loadWorkspacePage(slug, `/w/${slug}/import${kind === "template" ? "?as=template" : ""}`);
  const can = abilitiesFor(membership);
  const allowed = kind === "template" ? can["template.import"] : can["document.import"];
  const templates = allowed && kind === "document" ? await listTemplates({ actor, db: getDb() }, { slug }) : [];
  return (
    <div className="space-y-6">
      <div>
        <Link prefetch={false} href={kind === "template" ? `/w/${slug}/templates` : `/w/${slug}`} className="text-sm text-indigo-700 hover:underline">
          ← {kind === "template" ? "Templates" : "Documents"}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{kind === "template" ? "Import a template" : "Import a document"}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {kind === "template"
            ? "Headings become sections; placeholders such as [Name] or {feature} become hints."
            : "Headings become sections, and everything else comes along: front matter (filling the fields it names), tables, task lists, code, Mermaid diagrams, links, footnotes, images and raw HTML. The preview lists anything an export would not give back as written."}
        </p>
      </div>
      {allowed ? (
        <>
          <ImportForm slug={slug} kind={kind} templates={templates.map((t) => ({ id: t.id, name: t.name }))} />
          {kind === "document" ? <ZipImportForm slug={slug} /> : null}
        </>
      ) : (
        <Alert>{kind === "template" ? "Only owners and admins can import templates." : "Viewers cannot import documents."}</Alert>
      )}
    </div>
  );
}
