import { route } from "@/app/_server/route";
import { AssignReviewerInput } from "@/lib/review/inputs";
import { assignReviewer } from "@/lib/review/review";

// POST /api/documents/:documentId/review/assign — { roleKey, reviewerId }
export const POST = route(AssignReviewerInput, assignReviewer, { params: ({ documentId }) => ({ documentId }), status: 200 });
