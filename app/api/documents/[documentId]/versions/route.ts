import { route } from "@/app/_server/route";
import { CreateVersionInput, ListVersionsInput } from "@/lib/versions/inputs";
import { createNamedVersion, listVersions } from "@/lib/versions/versions";

// GET /api/documents/:documentId/versions — the document's versions, newest first
export const GET = route(ListVersionsInput, listVersions, { params: ({ documentId }) => ({ documentId }) });

// POST /api/documents/:documentId/versions — { label }: name the current content
export const POST = route(CreateVersionInput, createNamedVersion, { params: ({ documentId }) => ({ documentId }) });
