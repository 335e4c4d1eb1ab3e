import { z } from "zod";
import { route } from "@/app/_server/route";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";
import { listWorkspaces } from "@/lib/workspaces/listWorkspaces";
import { CreateWorkspaceInput } from "@/lib/workspaces/schema";

// GET /api/workspaces — the caller's workspaces
export const GET = route(z.object({}), (ctx) => listWorkspaces(ctx));
// POST /api/workspaces — create a workspace owned by the caller
export const POST = route(CreateWorkspaceInput, createWorkspace);
