import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { callerLog, toErrorResponse } from "./route";
import { getApiActor } from "./apiActor";

export interface Download {
  body: string | Uint8Array;
  contentType: string;
  /** ASCII only: it goes into Content-Disposition as is */
  filename: string;
}

type Params = Record<string, string>;

/**
 * A route that answers with a file instead of JSON: session cookie or API token → ctx, the handler (which
 * checks permissions through the policy module like every use case), then the bytes as an
 * attachment; errors are the same JSON problems `route()` gives.
 */
export function downloadRoute<P extends Params>(handler: (ctx: Ctx, params: P, url: URL) => Promise<Download>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? undefined;
    try {
      const actor = await getApiActor(req);
      if (!actor) throw new Unauthenticated();
      const ctx = { actor, db: getDb(), requestId, log: callerLog(actor, requestId) };
      const file = await handler(ctx, await context.params, new URL(req.url));
      const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
      return new Response(body, {
        headers: {
          "Content-Type": file.contentType,
          "Content-Disposition": `attachment; filename="${file.filename}"`,
          "Content-Length": String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength),
          "Cache-Control": "private, no-store",
        },
      });
    } catch (error) {
      return toErrorResponse(error, requestId);
    }
  };
}
