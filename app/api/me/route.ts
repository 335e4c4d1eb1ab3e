import { z } from "zod";
import { route } from "@/app/_server/route";
import { listWorkspaces } from "@/lib/workspaces/listWorkspaces";

// GET /api/me — the signed-in user and their workspaces
export const GET = route(z.object({}), async (ctx) => ({
  user: { id: ctx.actor.userId, email: ctx.actor.email, name: ctx.actor.name },
  workspaces: await listWorkspaces(ctx),
}));
