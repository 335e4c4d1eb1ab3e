import { route } from "@/app/_server/route";
import { RestoreInput } from "@/lib/versions/inputs";
import { restoreVersion } from "@/lib/versions/restoreVersion";

// POST /api/documents/:documentId/versions/:number/restore — { sectionKey? }: the whole version or one section
export const POST = route(RestoreInput, restoreVersion, { params: ({ documentId, number }) => ({ documentId, number }) });
