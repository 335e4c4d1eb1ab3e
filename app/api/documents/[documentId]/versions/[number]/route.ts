import { route } from "@/app/_server/route";
import { VersionRef } from "@/lib/versions/inputs";
import { getVersion } from "@/lib/versions/versions";

// GET /api/documents/:documentId/versions/:number — one version with its sections
export const GET = route(VersionRef, getVersion, { params: ({ documentId, number }) => ({ documentId, number }) });
