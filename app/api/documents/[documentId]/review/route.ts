import { route } from "@/app/_server/route";
import { DocumentRef } from "@/lib/documents/inputs";
import { getReview } from "@/lib/review/review";

// GET /api/documents/:documentId/review — sign-off roles, reviewers and decisions
export const GET = route(DocumentRef, getReview, { params: ({ documentId }) => ({ documentId }) });
