import { downloadRoute } from "@/app/_server/downloadRoute";
import { collectWorkspaceExport, zipWorkspaceExport } from "@/lib/export/exportWorkspace";

// GET /api/workspaces/:slug/export.zip — every document as Markdown plus manifest.json
export const GET = downloadRoute<{ slug: string }>(async (ctx, { slug }) => {
  const exported = await collectWorkspaceExport(ctx, { slug });
  return { body: zipWorkspaceExport(exported), contentType: "application/zip", filename: `${exported.manifest.workspace.slug}-documents.zip` };
});
