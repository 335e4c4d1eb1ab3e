import { route } from "@/app/_server/route";
import { SubmitInput } from "@/lib/review/inputs";
import { submitForReview } from "@/lib/review/review";

// POST /api/documents/:documentId/review/submit — { overrideReason? }; 409 lists the problems
export const POST = route(SubmitInput, submitForReview, { params: ({ documentId }) => ({ documentId }), status: 200 });
