import { route } from "@/app/_server/route";
import { applyProposal, ApplyInput } from "@/lib/comments/applyProposal";

// POST /api/documents/:documentId/comments/:threadId/apply — applies the thread's proposed diagram change
export const POST = route(ApplyInput, applyProposal, { params: ({ documentId, threadId }) => ({ documentId, threadId }), status: 200 });
