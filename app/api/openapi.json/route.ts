import { openApiDocument, type OpenApiDocument } from "@/app/_server/openapi/document";
import { toErrorResponse } from "@/app/_server/route";

export const dynamic = "force-dynamic";

let built: Promise<OpenApiDocument> | undefined;

// GET /api/openapi.json — the OpenAPI 3.1 description of this API, from the routes' own zod schemas (public)
export async function GET(req: Request): Promise<Response> {
  try {
    built ??= openApiDocument().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return Response.json(await built);
  } catch (error) {
    return toErrorResponse(error, req.headers.get("x-request-id") ?? undefined);
  }
}
