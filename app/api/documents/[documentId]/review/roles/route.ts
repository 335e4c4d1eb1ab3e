import { route } from "@/app/_server/route";
import { updateSignoffRoles } from "@/lib/review/editRoles";
import { RolesInput } from "@/lib/review/inputs";

// PUT /api/documents/:documentId/review/roles — { roles: [{ key?, name, scope, blocksWithoutReviewer? }] }: the document's own sign-off roles
export const PUT = route(RolesInput, updateSignoffRoles, { params: ({ documentId }) => ({ documentId }), status: 200 });
