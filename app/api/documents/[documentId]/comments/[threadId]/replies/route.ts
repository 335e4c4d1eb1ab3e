import { route } from "@/app/_server/route";
import { replyToThread, ReplyInput } from "@/lib/comments/comments";

// POST /api/documents/:documentId/comments/:threadId/replies — { body }
export const POST = route(ReplyInput, replyToThread, { params: ({ documentId, threadId }) => ({ documentId, threadId }) });
