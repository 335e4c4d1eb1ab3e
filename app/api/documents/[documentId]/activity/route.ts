import { route } from "@/app/_server/route";
import { DocumentRef } from "@/lib/documents/inputs";
import { listDocumentActivity } from "@/lib/review/listActivity";

// GET /api/documents/:documentId/activity — the document's activity log
export const GET = route(DocumentRef, listDocumentActivity, { params: ({ documentId }) => ({ documentId }) });
