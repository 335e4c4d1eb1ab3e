import { route } from "@/app/_server/route";
import { RestoreInput } from "@/lib/versions/inputs";
import { previewRestore } from "@/lib/versions/previewRestore";

// GET /api/documents/:documentId/versions/:number/restore/preview?sectionKey= — what the restore would change, changing nothing
export const GET = route(RestoreInput, previewRestore, { params: ({ documentId, number }) => ({ documentId, number }) });
