import { NextResponse } from "next/server";
import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { ImportTooLarge, MAX_IMPORT_BYTES, MAX_IMPORT_SIZE } from "@/lib/import/inputs";
import { BodyRejected, readLimitedText } from "./limitedBody";
import { findUnstorableText, UNSTORABLE_TEXT } from "@/lib/util/storableText";
import { callerLog, errorResponse, toErrorResponse } from "./route";
import { getApiActor } from "./apiActor";
import { withInput } from "./routeInput";

const TOO_LARGE = `The file is larger than ${MAX_IMPORT_SIZE}, so nothing was imported. Split it, or remove large pasted content, and try again.`;
// JSON escapes (\n, \") make the envelope a little larger than the Markdown it carries
const MAX_JSON_BYTES = MAX_IMPORT_BYTES * 2 + 64 * 1024;

type Params = Promise<Record<string, string>>;

/** `?x=1` flags for raw Markdown uploads. */
const QueryFlag = z.enum(["1", "true"]).transform(() => true);

/**
 * The body of an import request: JSON (`{ markdown, … }`), or the Markdown itself with
 * `Content-Type: text/markdown` (or text/plain) and options in the query string.
 */
async function readImportBody(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const flags = { repairMojibake: QueryFlag.safeParse(query.repairMojibake).success, dryRun: QueryFlag.safeParse(query.dryRun).success };
  if (/^text\/(markdown|plain|x-markdown)/i.test(type)) {
    return { ...query, ...flags, markdown: await readLimitedText(req, MAX_IMPORT_BYTES, TOO_LARGE) };
  }
  const text = await readLimitedText(req, MAX_JSON_BYTES, TOO_LARGE);
  try {
    const body: unknown = text.trim() ? JSON.parse(text) : {};
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
    return body as Record<string, unknown>;
  } catch {
    throw new BodyRejected(400, "Request body is not valid JSON.");
  }
}

const DryRun = z.object({ dryRun: z.boolean().default(false) });

/**
 * A route handler for imports: session cookie or API token → ctx, a body of at most 2 MB of Markdown (413 with a
 * message otherwise), zod, then `preview` for `dryRun: true` (200) or `commit` (201).
 * Errors answer as JSON problems, never with internals.
 */
export function importRoute<S extends z.ZodType, P, R>(schema: S, preview: (ctx: Ctx, input: z.input<S>) => Promise<P>, commit: (ctx: Ctx, input: z.input<S>) => Promise<R>) {
  return withInput(async (req: Request, context: { params: Params }): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? undefined;
    try {
      const actor = await getApiActor(req);
      if (!actor) throw new Unauthenticated();
      const { slug } = await context.params;
      const body = await readImportBody(req);
      const unstorable = findUnstorableText(body);
      if (unstorable) return errorResponse(400, UNSTORABLE_TEXT, requestId, { fields: { [unstorable]: [UNSTORABLE_TEXT] } });
      const parsed = schema.safeParse({ ...body, slug });
      const dryRun = DryRun.safeParse({ dryRun: body.dryRun });
      if (!parsed.success || !dryRun.success) return toErrorResponse(parsed.error ?? dryRun.error, requestId);
      const ctx = { actor, db: getDb(), requestId, log: callerLog(actor, requestId) };
      const input = parsed.data as z.input<S>;
      if (dryRun.data.dryRun) return NextResponse.json(await preview(ctx, input));
      return NextResponse.json(await commit(ctx, input), { status: 201 });
    } catch (error) {
      if (error instanceof BodyRejected) return errorResponse(error.status, error.message, requestId);
      if (error instanceof ImportTooLarge) return errorResponse(413, error.message, requestId);
      return toErrorResponse(error, requestId);
    }
  }, { schema, body: "import" });
}
