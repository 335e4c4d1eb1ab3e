import { route } from "@/app/_server/route";
import { DuplicateTemplateInput } from "@/lib/templates/inputs";
import { duplicateTemplate } from "@/lib/templates/templates";

// POST /api/workspaces/:slug/templates/:templateId/duplicate — { name? } copies it into the workspace
export const POST = route(DuplicateTemplateInput, duplicateTemplate, { params: ({ slug, templateId }) => ({ slug, templateId }) });
