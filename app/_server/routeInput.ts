import type { z } from "zod";

const INPUT = Symbol.for("specwright.routeInput");

/** What a route handler parses its input with, kept on the handler for the API description. */
export interface RouteInput {
  schema: z.ZodType;
  /** how the body arrives: JSON, an import's JSON or raw Markdown, or multipart form fields beside an uploaded `file` */
  body: "json" | "import" | "multipart";
  /** how the caller proves itself when not with a session or an API token: a Git host's signed push hook */
  auth?: "gitHookSignature";
}

/** Marks `handler` with the zod schema it parses its input with (see app/api/openapi.json). */
export function withInput<F extends object>(handler: F, input: RouteInput): F {
  Object.defineProperty(handler, INPUT, { value: input, enumerable: false });
  return handler;
}

/** The input a route handler was marked with, when it was built by `route()` or `importRoute()`. */
export function inputOf(handler: unknown): RouteInput | undefined {
  if (typeof handler !== "function") return undefined;
  return (handler as unknown as Record<symbol, RouteInput | undefined>)[INPUT];
}
