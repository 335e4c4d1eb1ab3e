import { route } from "@/app/_server/route";
import { getDocumentDrawings } from "@/lib/diagrams/drawings";
import { DocumentRef } from "@/lib/documents/inputs";

// GET /api/documents/:documentId/drawings — the server's drawings of the document's diagrams, by source, and the sources it has none for
export const GET = route(DocumentRef, getDocumentDrawings, { params: ({ documentId }) => ({ documentId }) });
