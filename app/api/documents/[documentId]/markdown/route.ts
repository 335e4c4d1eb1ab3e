import { NextResponse } from "next/server";
import { BodyRejected, readLimitedText } from "@/app/_server/limitedBody";
import { callerLog, errorResponse, toErrorResponse } from "@/app/_server/route";
import { getApiActor } from "@/app/_server/apiActor";
import { withInput } from "@/app/_server/routeInput";
import { getDb } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { ImportTooLarge, MAX_IMPORT_BYTES, MAX_IMPORT_SIZE } from "@/lib/import/inputs";
import { applyMarkdown, ApplyMarkdownInput } from "@/lib/sync/applyMarkdown";
import { plural } from "@/lib/util/plural";
import { findUnstorableText, UNSTORABLE_TEXT } from "@/lib/util/storableText";

const TOO_LARGE = `The Markdown is larger than ${MAX_IMPORT_SIZE}, so nothing was changed.`;
// two files (the edited copy and its base) with JSON escapes
const MAX_JSON_BYTES = MAX_IMPORT_BYTES * 4 + 64 * 1024;

// PUT /api/documents/:documentId/markdown — { markdown, base, onConflict?: "refuse"|"keep", label? }: merges edits
// made to a copy of the document's Markdown (base: the export.md the copy was taken from) section by section into
// the document, as a new version; 409 { conflicts } when a section changed on both sides (nothing is changed)
export const PUT = withInput(async (req: Request, context: { params: Promise<{ documentId: string }> }): Promise<Response> => {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const actor = await getApiActor(req);
    if (!actor) throw new Unauthenticated();
    const { documentId } = await context.params;
    const text = await readLimitedText(req, MAX_JSON_BYTES, TOO_LARGE);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return errorResponse(400, "Request body is not valid JSON.", requestId);
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) return errorResponse(400, "Request body must be a JSON object.", requestId);
    const unstorable = findUnstorableText(body);
    if (unstorable) return errorResponse(400, UNSTORABLE_TEXT, requestId, { fields: { [unstorable]: [UNSTORABLE_TEXT] } });
    const parsed = ApplyMarkdownInput.safeParse({ ...body, documentId });
    if (!parsed.success) return toErrorResponse(parsed.error, requestId);
    const ctx = { actor, db: getDb(), requestId, log: callerLog(actor, requestId) };
    const result = await applyMarkdown(ctx, parsed.data);
    if (result.refused) {
      const titles = result.conflicts.map((c) => `“${c.title || "(untitled)"}”`).join(", ");
      const message = `${plural(result.conflicts.length, "section was", "sections were")} changed both here and in the document since the copy was taken: ${titles}. Nothing was changed.`;
      return errorResponse(409, message, requestId, { conflicts: result.conflicts });
    }
    return NextResponse.json(result);
  } catch (error) {
    if (error instanceof BodyRejected) return errorResponse(error.status, error.message, requestId);
    if (error instanceof ImportTooLarge) return errorResponse(413, error.message, requestId);
    return toErrorResponse(error, requestId);
  }
}, { schema: ApplyMarkdownInput, body: "json" });
