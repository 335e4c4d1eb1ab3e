import { route } from "@/app/_server/route";
import { restoreDocument } from "@/lib/documents/documents";
import { DocumentRef } from "@/lib/documents/inputs";

// POST /api/documents/:documentId/restore — bring it back from the trash
export const POST = route(DocumentRef, restoreDocument, { params: ({ documentId }) => ({ documentId }), status: 200 });
