import { createDocument } from "@/lib/documents/createDocument";
import { listTemplates } from "@/lib/templates/templates";
import type { Actor } from "@/lib/context";
import { ctxFor } from "../../support/db";

type Handler<P> = (req: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler as a script would: over "HTTP", with the token as `Authorization: Bearer`, no cookie. */
export async function call<P extends object>(
  handler: Handler<P>,
  method: string,
  path: string,
  options: { token?: string; params?: P; body?: unknown; authorization?: string } = {},
) {
  const headers: Record<string, string> = {};
  const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined);
  if (authorization) headers.authorization = authorization;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await handler(new Request(`http://localhost${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }), {
    params: Promise.resolve(options.params ?? ({} as P)),
  });
  const text = await res.text();
  const isJson = res.headers.get("content-type")?.includes("json") ?? false;
  const json = (isJson && text ? JSON.parse(text) : null) as Record<string, unknown> | null;
  return { status: res.status, json, text, headers: res.headers };
}

/** A document in the workspace, owned by `owner`. */
export async function makeDocument(owner: Actor, slug: string, title = "Token target"): Promise<string> {
  const ctx = ctxFor(owner);
  const templateId = (await listTemplates(ctx, { slug }))[0]!.id;
  return (await createDocument(ctx, { slug, templateId, title })).id;
}
