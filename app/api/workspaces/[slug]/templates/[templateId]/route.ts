import { route } from "@/app/_server/route";
import { TemplateRef, UpdateTemplateInput } from "@/lib/templates/inputs";
import { getTemplate, updateTemplate } from "@/lib/templates/templates";

const params = ({ slug, templateId }: Record<string, unknown>) => ({ slug, templateId });
// GET /api/workspaces/:slug/templates/:templateId — with its definition
export const GET = route(TemplateRef, getTemplate, { params });
// PATCH /api/workspaces/:slug/templates/:templateId — { definition, expectedVersion } saves the next version
export const PATCH = route(UpdateTemplateInput, updateTemplate, { params });
