import { z } from "zod";
import { route } from "@/app/_server/route";
import { createPersonalToken } from "@/lib/apiTokens/createToken";
import { listPersonalTokens } from "@/lib/apiTokens/listTokens";
import { CreateTokenInput } from "@/lib/apiTokens/schema";

// GET /api/me/tokens — the signed-in person's API tokens (revoked and expired ones too)
export const GET = route(z.object({}), (ctx) => listPersonalTokens(ctx));
// POST /api/me/tokens — { name, scope: read|write|admin, expiresInDays } → 201 { token, secret }: the secret only in this answer
export const POST = route(CreateTokenInput, createPersonalToken);
