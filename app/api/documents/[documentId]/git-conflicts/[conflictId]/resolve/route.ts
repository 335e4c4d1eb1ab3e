import { route } from "@/app/_server/route";
import { resolveConflictSection } from "@/lib/gitSync/conflicts";
import { ResolveConflictInput } from "@/lib/gitSync/schema";

// POST /api/documents/:documentId/git-conflicts/:conflictId/resolve — { sectionKey, keep: "specwright" | "repository" }
export const POST = route(ResolveConflictInput, resolveConflictSection, { params: ({ documentId, conflictId }) => ({ documentId, conflictId }), status: 200 });
