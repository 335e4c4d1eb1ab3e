import { importRoute } from "@/app/_server/importRoute";
import { ImportTemplateInput } from "@/lib/import/inputs";
import { limit } from "@/lib/limits/limit";
import { importTemplate, previewTemplateImport } from "@/lib/templates/importTemplate";

// POST /api/workspaces/:slug/templates/import — { markdown, name?, fileName?, repairMojibake?, dryRun? }; admins; 413 past 2 MB
export const POST = importRoute(ImportTemplateInput, previewTemplateImport, async (ctx, input) => {
  await limit("import", ctx.actor.userId);
  return importTemplate(ctx, input);
});
