import { route } from "@/app/_server/route";
import { DiffInput } from "@/lib/versions/inputs";
import { diffVersions } from "@/lib/versions/versions";

// GET /api/documents/:documentId/versions/diff?from=3&to=7 — either side may be "current" (to defaults to it)
export const GET = route(DiffInput, diffVersions, { params: ({ documentId }) => ({ documentId }) });
