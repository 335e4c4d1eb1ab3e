import { route } from "@/app/_server/route";
import { createDocument } from "@/lib/documents/createDocument";
import { CreateDocumentInput, ListDocumentsInput } from "@/lib/documents/inputs";
import { listDocuments } from "@/lib/documents/listDocuments";

const params = ({ slug }: Record<string, unknown>) => ({ slug });
// GET /api/workspaces/:slug/documents?status=&template=&owner=&reviewer=&field=&value=&q=&trash=&page= — 400 naming an unknown filter
export const GET = route(ListDocumentsInput, listDocuments, { params });
// POST /api/workspaces/:slug/documents — { templateId, title? }
export const POST = route(CreateDocumentInput, (ctx, input) => createDocument(ctx, input), { params });
