import { route } from "@/app/_server/route";
import { deleteDocument, getDocument, updateDocument } from "@/lib/documents/documents";
import { DocumentRef, UpdateDocumentInput } from "@/lib/documents/inputs";

const params = ({ documentId }: Record<string, unknown>) => ({ documentId });
// GET /api/documents/:documentId — with its sections
export const GET = route(DocumentRef, getDocument, { params });
// PATCH /api/documents/:documentId — { title?, fields?: { sectionKey: { fieldKey: value } } }
export const PATCH = route(UpdateDocumentInput, updateDocument, { params });
// DELETE /api/documents/:documentId — move to the trash
export const DELETE = route(DocumentRef, deleteDocument, { params });
