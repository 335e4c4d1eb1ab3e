import { route } from "@/app/_server/route";
import { resolveThread, ResolveInput } from "@/lib/comments/comments";

// POST /api/documents/:documentId/comments/:threadId/resolve — { resolved: true|false }
export const POST = route(ResolveInput, resolveThread, { params: ({ documentId, threadId }) => ({ documentId, threadId }), status: 200 });
