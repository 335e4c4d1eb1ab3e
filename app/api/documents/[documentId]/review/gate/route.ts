import { route } from "@/app/_server/route";
import { DocumentRef } from "@/lib/documents/inputs";
import { checkSubmitGate } from "@/lib/review/gate";

// GET /api/documents/:documentId/review/gate — what the submit gate would refuse now: { problems }
export const GET = route(DocumentRef, checkSubmitGate, { params: ({ documentId }) => ({ documentId }) });
