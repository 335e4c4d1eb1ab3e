import { authenticateBearer } from "@/lib/apiTokens/authenticateToken";
import type { Actor } from "@/lib/context";
import { getDb } from "@/lib/db";
import { getActor } from "./session";

/**
 * Who calls an /api route: with an `Authorization` header, the API token it carries and
 * nothing else (a bad token is a 401 even beside a session cookie); without one, the
 * session cookie. Pages never look at tokens: they ask `getActor`.
 */
export async function getApiActor(req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  if (authorization === null) return getActor();
  return authenticateBearer(getDb(), authorization, req.method);
}
