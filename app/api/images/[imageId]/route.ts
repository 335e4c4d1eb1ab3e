import { callerLog, toErrorResponse } from "@/app/_server/route";
import { getApiActor } from "@/app/_server/apiActor";
import { getDb } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { getImage } from "@/lib/images/getImage";

/**
 * Every image answers with a CSP of its own: an SVG opened directly runs no script, loads
 * nothing and cannot frame or navigate; the id names one content forever, so it may be cached.
 */
const IMAGE_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, max-age=31536000, immutable",
  "Cross-Origin-Resource-Policy": "same-origin",
};

// GET /api/images/:imageId — the image's bytes for a member of its workspace; 404 for anyone else
export async function GET(req: Request, context: { params: Promise<{ imageId: string }> }): Promise<Response> {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const actor = await getApiActor(req);
    if (!actor) throw new Unauthenticated();
    const { imageId } = await context.params;
    const image = await getImage({ actor, db: getDb(), requestId, log: callerLog(actor, requestId) }, { imageId });
    const etag = `"${image.sha256}"`;
    if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { ...IMAGE_HEADERS, ETag: etag } });
    return new Response(new Uint8Array(image.bytes), {
      headers: { ...IMAGE_HEADERS, "Content-Type": image.mime, "Content-Length": String(image.bytes.byteLength), ETag: etag },
    });
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}
