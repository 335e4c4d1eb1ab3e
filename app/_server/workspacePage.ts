import { notFound } from "next/navigation";
import type { Actor } from "@/lib/context";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { loadMembership, type WorkspaceFacts } from "@/lib/workspaces/loadMembership";
import { listWorkspaces } from "@/lib/workspaces/listWorkspaces";
import type { WorkspaceDto } from "@/lib/workspaces/present";
import { requireActor } from "./session";

export interface WorkspacePageData extends WorkspaceFacts {
  actor: Actor;
  workspaces: WorkspaceDto[];
  current: WorkspaceDto;
}

/** What every workspace page needs: the actor, their membership here (404 otherwise) and their workspaces. */
export async function loadWorkspacePage(slug: string, path: string): Promise<WorkspacePageData> {
  const actor = await requireActor(path);
  const ctx = { actor, db: getDb() };
  try {
    const facts = await loadMembership(ctx, slug);
    const workspaces = await listWorkspaces(ctx);
    const current = workspaces.find((w) => w.slug === slug);
    if (!current) notFound();
    return { ...facts, actor, workspaces, current };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}
