import { toErrorResponse } from "@/app/_server/route";
import { getActor } from "@/app/_server/session";
import { getDb } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { collectWorkspaceExport, zipWorkspaceExport } from "@/lib/export/exportWorkspace";
import { requestLogger } from "@/lib/observability/logger";

// GET /api/workspaces/:slug/export.zip — every document as Markdown plus manifest.json (not JSON, so not route())
export async function GET(req: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const actor = await getActor();
    if (!actor) throw new Unauthenticated();
    const { slug } = await context.params;
    const ctx = { actor, db: getDb(), requestId, log: requestLogger(requestId) };
    const exported = await collectWorkspaceExport(ctx, { slug });
    const zip = zipWorkspaceExport(exported);
    return new Response(Buffer.from(zip), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${exported.manifest.workspace.slug}-documents.zip"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}
