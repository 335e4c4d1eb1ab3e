import Link from "next/link";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { DocumentTable } from "@/components/documents/DocumentTable";
import { RestoreButton } from "@/components/documents/TrashActions";
import { abilitiesFor } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { listDocuments } from "@/lib/documents/listDocuments";

export const metadata = { title: "Trash" };

export default async function TrashPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, membership } = await loadWorkspacePage(slug, `/w/${slug}/trash`);
  const can = abilitiesFor(membership);
  const page = await listDocuments({ actor, db: getDb() }, { slug, trash: "1", pageSize: 100 });
  return (
    <div className="space-y-6">
      <div>
        <Link prefetch={false} href={`/w/${slug}`} className="text-sm text-indigo-700 hover:underline">← Documents</Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Trash</h1>
        <p className="mt-1 text-sm text-slate-600">Documents moved to the trash. Restore one to bring it back to the list.</p>
      </div>
      {page.items.length ? (
        <DocumentTable slug={slug} items={page.items} actions={can["document.delete"] ? (d) => <RestoreButton documentId={d.id} title={d.title} /> : undefined} />
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">The trash is empty.</p>
      )}
    </div>
  );
}
