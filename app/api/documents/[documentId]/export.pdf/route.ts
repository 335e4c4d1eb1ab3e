import { toErrorResponse } from "@/app/_server/route";
import { getActor } from "@/app/_server/session";
import { getDb } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { exportDocumentPdf } from "@/lib/export/exportDocument";
import { requestLogger } from "@/lib/observability/logger";

// GET /api/documents/:documentId/export.pdf?format=A4|Letter — the document printed by headless Chromium (a download, not JSON)
export async function GET(req: Request, context: { params: Promise<{ documentId: string }> }): Promise<Response> {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const actor = await getActor();
    if (!actor) throw new Unauthenticated();
    const { documentId } = await context.params;
    const format = new URL(req.url).searchParams.get("format") ?? undefined;
    const ctx = { actor, db: getDb(), requestId, log: requestLogger(requestId) };
    const { filename, pdf } = await exportDocumentPdf(ctx, { documentId, format });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Content-Length": String(pdf.byteLength),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}
