import { authenticateBearer } from "@/lib/apiTokens/authenticateToken";
import { offersBearer } from "@/lib/apiTokens/bearer";
import type { Actor } from "@/lib/context";
import { getDb } from "@/lib/db";
import { getActor } from "./session";

/**
 * Who calls an /api route: with `Authorization: Bearer …`, the API token it carries and
 * nothing else (a bad token is a 401 even beside a session cookie); otherwise the session
 * cookie. Pages never look at tokens: they ask `getActor`.
 */
export async function getApiActor(req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  if (!offersBearer(authorization)) return getActor();
  return authenticateBearer(getDb(), authorization ?? "", req.method);
}
