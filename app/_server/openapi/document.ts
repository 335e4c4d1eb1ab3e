import { z } from "zod";
import { inputOf, type RouteInput } from "../routeInput";
import { ROUTE_FILES } from "./routeFiles";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
type Method = (typeof METHODS)[number];
const READS: readonly Method[] = ["get", "delete"];

type JsonSchema = { properties?: Record<string, unknown>; required?: string[]; [key: string]: unknown };

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: unknown;
}

interface Operation {
  operationId: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  "x-input"?: "described elsewhere";
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  components: Record<string, unknown>;
  security: Record<string, string[]>[];
  paths: Record<string, Partial<Record<Method, Operation>>>;
}

const PROBLEM = { $ref: "#/components/schemas/Problem" };
const ERRORS = {
  "400": "Invalid input: `fields` names each problem; nothing changed",
  "401": "No session and no API token, or a revoked, expired or unknown token",
  "403": "The policy, or the API token's scope, does not allow it",
  "404": "Absent, or in a workspace the caller (or token) is not in",
  "429": "Rate limited: retry after `Retry-After` seconds",
};

/** The zod schema as JSON Schema of what a client sends, without the path parameters. */
function inputSchema(input: RouteInput, pathParams: string[]): JsonSchema {
  const { $schema: _drop, ...schema } = z.toJSONSchema(input.schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties).filter(([name]) => !pathParams.includes(name)));
  const required = schema.required?.filter((name) => !pathParams.includes(name));
  return { ...schema, properties, ...(required ? { required } : {}) };
}

function operation(method: Method, path: string, pathParams: string[], input: RouteInput | undefined): Operation {
  const parameters: Parameter[] = pathParams.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  const op: Operation = {
    operationId: `${method} ${path}`,
    parameters,
    responses: {
      "2XX": { description: "Done: JSON, a file download, or nothing (204)" },
      ...Object.fromEntries(Object.entries(ERRORS).map(([status, description]) => [status, { description, content: { "application/json": { schema: PROBLEM } } }])),
    },
  };
  if (!input) return { ...op, "x-input": "described elsewhere" };
  const schema = inputSchema(input, pathParams);
  if (READS.includes(method)) {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      parameters.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: property });
    }
    return op;
  }
  if (input.body === "multipart") {
    const form = { ...schema, properties: { file: { type: "string", format: "binary", description: "the uploaded file" }, ...schema.properties }, required: ["file", ...(schema.required ?? [])] };
    return { ...op, requestBody: { required: true, content: { "multipart/form-data": { schema: form } } } };
  }
  const content: Record<string, { schema: unknown }> = { "application/json": { schema } };
  if (input.body === "import") content["text/markdown"] = { schema: { type: "string", description: "the Markdown itself; options in the query string" } };
  const hookSecurity: Record<string, string[]>[] = [{ gitHubSignature: [] }, { gitLabToken: [] }];
  const signed = input.auth === "gitHookSignature" ? { security: hookSecurity } : {};
  return { ...op, ...signed, requestBody: { required: (schema.required?.length ?? 0) > 0, content } };
}

/**
 * The OpenAPI description of every route under app/api, built from the zod schemas the
 * routes parse their input with (`route()`, `importRoute()`), so it cannot drift from them.
 * Handlers of their own (uploads, downloads, probes, next-auth) are listed without a body.
 */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const paths: OpenApiDocument["paths"] = {};
  for (const [path, load] of Object.entries(ROUTE_FILES)) {
    const handlers = await load();
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const item: Partial<Record<Method, Operation>> = {};
    for (const method of METHODS) {
      const handler = handlers[method.toUpperCase()];
      if (typeof handler === "function") item[method] = operation(method, path, pathParams, inputOf(handler));
    }
    paths[path] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Specwright API",
      version: "1",
      description: "Send an API token as `Authorization: Bearer swt_…` (Settings → API tokens), or call from a signed-in page with its session cookie.",
    },
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "A personal or workspace API token (swt_…): its scope and workspace, and its owner's role, limit it." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "A signed-in browser's session" },
        gitHubSignature: { type: "apiKey", in: "header", name: "X-Hub-Signature-256", description: "A Git push hook only: sha256= and the HMAC-SHA256 of the raw body with the connection's hook secret" },
        gitLabToken: { type: "apiKey", in: "header", name: "X-Gitlab-Token", description: "A Git push hook only: the connection's hook secret itself" },
      },
      schemas: {
        Problem: {
          type: "object",
          required: ["error"],
          properties: {
            error: { type: "string" },
            fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            retryAfter: { type: "integer" },
            requestId: { type: "string" },
          },
        },
      },
    },
    security: [{ apiToken: [] }, { session: [] }],
    paths,
  };
}
