import { route } from "@/app/_server/route";
import { DecisionInput } from "@/lib/review/inputs";
import { decide } from "@/lib/review/review";

// POST /api/documents/:documentId/review/decision — { roleKey, decision: approved|changes_requested, comment }
export const POST = route(DecisionInput, decide, { params: ({ documentId }) => ({ documentId }), status: 200 });
