import { route } from "@/app/_server/route";
import { DocumentConflicts, listConflicts } from "@/lib/gitSync/conflicts";

// GET /api/documents/:documentId/git-conflicts — sections both Specwright and the repository changed, side by side
export const GET = route(DocumentConflicts, listConflicts, { params: ({ documentId }) => ({ documentId }) });
