import { z } from "zod";
import { route } from "@/app/_server/route";
import { ListVersionsInput } from "@/lib/versions/inputs";
import { changesSinceSeen } from "@/lib/versions/seen";

const SeenInput = ListVersionsInput.extend({ peek: z.boolean().optional() });

// GET /api/documents/:documentId/versions/seen — what changed since the caller last looked
export const GET = route(ListVersionsInput, (ctx, input) => changesSinceSeen(ctx, { ...input, peek: true }), { params: ({ documentId }) => ({ documentId }) });

// POST /api/documents/:documentId/versions/seen — the same, then marks the latest version seen
export const POST = route(SeenInput, changesSinceSeen, { params: ({ documentId }) => ({ documentId }), status: 200 });
