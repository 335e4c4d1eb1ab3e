import { route } from "@/app/_server/route";
import { createThread, CreateThreadInput, listThreads } from "@/lib/comments/comments";
import { DocumentRef } from "@/lib/documents/inputs";

const params = ({ documentId }: Record<string, unknown>) => ({ documentId });
// GET /api/documents/:documentId/comments — every thread with its comments
export const GET = route(DocumentRef, listThreads, { params });
// POST /api/documents/:documentId/comments — { sectionKey, anchorFrom?, anchorTo?, quote?, body }
export const POST = route(CreateThreadInput, createThread, { params });
