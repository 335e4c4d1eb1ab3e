import { toErrorResponse } from "@/app/_server/route";
import { getActor } from "@/app/_server/session";
import { getDb } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { requestLogger } from "@/lib/observability/logger";

// GET /api/documents/:documentId/export.md — the document as a Markdown download (not JSON, so not route())
export async function GET(req: Request, context: { params: Promise<{ documentId: string }> }): Promise<Response> {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const actor = await getActor();
    if (!actor) throw new Unauthenticated();
    const { documentId } = await context.params;
    const ctx = { actor, db: getDb(), requestId, log: requestLogger(requestId) };
    const { filename, markdown } = await exportDocumentMarkdown(ctx, { documentId });
    return new Response(markdown, {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}
