import Link from "next/link";
import { notFound } from "next/navigation";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { TemplateEditor } from "@/components/templates/TemplateEditor";
import { Alert } from "@/components/ui/Alert";
import { abilitiesFor } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { getTemplate } from "@/lib/templates/templates";

export const metadata = { title: "Edit template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ slug: string; templateId: string }> }) {
  const { slug, templateId } = await params;
  const { actor, membership } = await loadWorkspacePage(slug, `/w/${slug}/templates/${templateId}/edit`);
  const template = await getTemplate({ actor, db: getDb() }, { slug, templateId }).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  const can = abilitiesFor(membership);
  return (
    <div className="space-y-4">
      <Link prefetch={false} href={`/w/${slug}/templates`} className="text-sm text-indigo-700 hover:underline">← Templates</Link>
      <h1 className="text-2xl font-semibold tracking-tight">Edit “{template.name}”</h1>
      {!can["template.manage"] ? (
        <Alert>Only owners and admins can edit templates.</Alert>
      ) : template.builtin ? (
        <Alert>Built-in templates cannot be edited. Duplicate it from the gallery and edit the copy.</Alert>
      ) : (
        <TemplateEditor slug={slug} templateId={template.id} version={template.version} definition={template.definition} />
      )}
    </div>
  );
}
