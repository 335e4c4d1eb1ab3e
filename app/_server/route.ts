import { NextResponse } from "next/server";
import { z } from "zod";
import type { Actor, Ctx, Logger } from "@/lib/context";
import { getDb } from "@/lib/db";
import { Conflict, DomainError, Forbidden, InvalidInput, NotFound, ServiceUnavailable, SubmitBlocked, TooManyRequests, Unauthenticated } from "@/lib/errors";
import { findUnstorableText, UNSTORABLE_TEXT } from "@/lib/util/storableText";
import { requestLogger } from "@/lib/observability/logger";
// validation messages in plain words, for every schema parsed while serving a request
import { summarize } from "@/lib/validation/plainMessages";
import { getApiActor } from "./apiActor";
import { withInput } from "./routeInput";

const MAX_BODY_BYTES = 1_000_000;

type Params = Record<string, string | string[] | undefined>;
type RouteContext = { params: Promise<Params> };

export interface RouteOptions {
  /** maps path params into the input, e.g. `({ slug }) => ({ slug })` */
  params?: (params: Params) => Record<string, unknown>;
  /** status for a successful answer with a body (default 200, or 201 for POST) */
  status?: number;
  /** handler runs without a signed-in user; ctx.actor is then null */
  public?: boolean;
}

/** The logger for one call: every line carries the request id and, for a call with an API token, the token's id. */
export function callerLog(actor: Actor | null, requestId: string | undefined): Logger {
  const log = requestLogger(requestId);
  return actor?.token ? log.child({ tokenId: actor.token.tokenId }) : log;
}

/** A JSON error body; the request id lets a user quote the failure without seeing internals. */
export function errorResponse(status: number, error: string, requestId: string | undefined, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return NextResponse.json({ error, ...extra, requestId }, { status, headers });
}

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Maps a thrown error to a response: domain errors to 4xx, anything else to a bare 500. */
export function toErrorResponse(error: unknown, requestId: string | undefined): NextResponse {
  if (error instanceof z.ZodError) return errorResponse(400, summarize(error), requestId, { fields: fieldErrors(error) });
  if (error instanceof InvalidInput) return errorResponse(400, error.message, requestId, { fields: error.fields });
  if (error instanceof Unauthenticated) return errorResponse(401, error.message, requestId);
  if (error instanceof Forbidden) return errorResponse(403, error.message, requestId);
  if (error instanceof NotFound) return errorResponse(404, error.message, requestId);
  if (error instanceof SubmitBlocked) return errorResponse(409, error.message, requestId, { problems: error.problems });
  if (error instanceof Conflict) return errorResponse(409, error.message, requestId);
  if (error instanceof TooManyRequests) {
    return errorResponse(429, error.message, requestId, { retryAfter: error.retryAfterSeconds }, { "Retry-After": String(error.retryAfterSeconds) });
  }
  if (error instanceof ServiceUnavailable) {
    const retryAfter = error.retryAfterSeconds;
    return retryAfter === undefined ? errorResponse(503, error.message, requestId) : errorResponse(503, error.message, requestId, { retryAfter }, { "Retry-After": String(retryAfter) });
  }
  if (error instanceof DomainError) return errorResponse(400, error.message, requestId);
  requestLogger(requestId).error({ err: error }, "unhandled error");
  return errorResponse(500, "Something went wrong on our side.", requestId);
}

/** Refuses input holding text PostgreSQL cannot store, before anything is written. */
function refuseUnstorable(input: unknown): void {
  const path = findUnstorableText(input);
  if (path) throw new BodyError(400, UNSTORABLE_TEXT, { [path]: [UNSTORABLE_TEXT] });
}

/** What a caller whose body stopped part-way is told (if it is still there to hear it). */
export const BODY_CUT_OFF = "The request body did not arrive whole: the connection closed while it was being sent. Nothing was changed.";

/** The request's input: its query for a read, its JSON body otherwise. Throws BodyError for a body it cannot take. */
export async function readBody(req: Request): Promise<unknown> {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "DELETE") {
    return Object.fromEntries(new URL(req.url).searchParams);
  }
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new BodyError(413, "Request body is too large.");
  // a client that goes away mid-body ("aborted", ECONNRESET) made a bad request, not a server error
  const text = await req.text().catch(() => {
    throw new BodyError(400, BODY_CUT_OFF);
  });
  if (text.length > MAX_BODY_BYTES) throw new BodyError(413, "Request body is too large.");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, "Request body is not valid JSON.");
  }
}

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/**
 * Wraps a use case as a route handler: session cookie or API token → ctx, parse with zod,
 * call, map errors. Anonymous callers get 401 JSON unless the route is public.
 */
export function route<S extends z.ZodType, R>(
  schema: S,
  handler: (ctx: Ctx, input: z.infer<S>) => Promise<R>,
  options?: RouteOptions & { public?: false },
): (req: Request, context: RouteContext) => Promise<Response>;
export function route<S extends z.ZodType, R>(
  schema: S,
  handler: (ctx: Omit<Ctx, "actor"> & { actor: Actor | null }, input: z.infer<S>) => Promise<R>,
  options: RouteOptions & { public: true },
): (req: Request, context: RouteContext) => Promise<Response>;
export function route<S extends z.ZodType, R>(
  schema: S,
  handler: (ctx: Ctx, input: z.infer<S>) => Promise<R>,
  options: RouteOptions = {},
) {
  return withInput(async (req: Request, context: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? undefined;
    try {
      const actor = await getApiActor(req);
      if (!actor && !options.public) throw new Unauthenticated();
      const params = options.params ? options.params(await context.params) : {};
      const body = await readBody(req);
      refuseUnstorable(body);
      refuseUnstorable(params);
      const parsed = schema.safeParse({ ...(body && typeof body === "object" && !Array.isArray(body) ? body : { body }), ...params });
      if (!parsed.success) return errorResponse(400, summarize(parsed.error), requestId, { fields: fieldErrors(parsed.error) });
      const ctx = { actor: actor as Actor, db: getDb(), requestId, log: callerLog(actor, requestId) };
      const result = await handler(ctx, parsed.data);
      if (result === undefined) return new NextResponse(null, { status: 204 });
      // a handler that streams (server-sent events) answers with its own response
      if (result instanceof Response) return result;
      return NextResponse.json(result, { status: options.status ?? (req.method === "POST" ? 201 : 200) });
    } catch (error) {
      if (error instanceof BodyError) return errorResponse(error.status, error.message, requestId, error.fields ? { fields: error.fields } : {});
      return toErrorResponse(error, requestId);
    }
  }, { schema, body: "json" });
}
