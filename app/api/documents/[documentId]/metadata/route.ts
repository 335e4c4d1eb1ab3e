import { z } from "zod";
import { route } from "@/app/_server/route";
import { getDocumentMetadata, updateDocumentMetadata, UpdateMetadataInput } from "@/lib/documents/metadata";

// GET /api/documents/:documentId/metadata — the document's front matter: source, entries, error
export const GET = route(z.object({ documentId: z.string() }), getDocumentMetadata, { params: ({ documentId }) => ({ documentId }) });

// PUT /api/documents/:documentId/metadata — { source }: YAML mapping, stored as written ("" removes it)
export const PUT = route(UpdateMetadataInput, updateDocumentMetadata, { params: ({ documentId }) => ({ documentId }), status: 200 });
