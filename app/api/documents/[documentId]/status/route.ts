import { route } from "@/app/_server/route";
import { StatusInput } from "@/lib/review/inputs";
import { changeStatus } from "@/lib/review/review";

// POST /api/documents/:documentId/status — { action: markImplemented|withdraw|supersede|reopen, overrideReason?, supersededBy? }
export const POST = route(StatusInput, changeStatus, { params: ({ documentId }) => ({ documentId }), status: 200 });
