import { importRoute } from "@/app/_server/importRoute";
import { importDocument, previewDocumentImport } from "@/lib/import/importDocument";
import { ImportDocumentInput } from "@/lib/import/inputs";
import { limit } from "@/lib/limits/limit";

// POST /api/workspaces/:slug/import — { markdown, templateId?, title?, fileName?, repairMojibake?, dryRun? }
// or the Markdown itself as text/markdown with the options in the query string; 413 past 2 MB;
// imports (not previews) count against the person's import limit (429 past it)
export const POST = importRoute(ImportDocumentInput, previewDocumentImport, async (ctx, input) => {
  await limit("import", ctx.actor.userId);
  return importDocument(ctx, input);
});
