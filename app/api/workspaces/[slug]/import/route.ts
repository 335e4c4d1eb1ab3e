import { importRoute } from "@/app/_server/importRoute";
import { importDocument, previewDocumentImport } from "@/lib/import/importDocument";
import { ImportDocumentInput } from "@/lib/import/inputs";

// POST /api/workspaces/:slug/import — { markdown, templateId?, title?, fileName?, repairMojibake?, dryRun? }
// or the Markdown itself as text/markdown with the options in the query string; 413 past 512 KB
export const POST = importRoute(ImportDocumentInput, previewDocumentImport, importDocument);
