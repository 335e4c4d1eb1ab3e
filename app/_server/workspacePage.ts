import { notFound } from "next/navigation";
import { cache } from "react";
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

/**
 * What every workspace page needs: the actor, their membership here (404 otherwise) and their
 * workspaces. Anonymous visitors go to sign in, and come back to `path`.
 */
export async function loadWorkspacePage(slug: string, path: string): Promise<WorkspacePageData> {
  return { actor: await requireActor(path), ...(await workspaceFacts(slug)) };
}

/** Read once per page drawn: the workspace layout and its page both ask (the session is looked up once too). */
const workspaceFacts = cache(async function workspaceFacts(slug: string): Promise<Omit<WorkspacePageData, "actor">> {
  const actor = await requireActor();
  const ctx = { actor, db: getDb() };
  try {
    const facts = await loadMembership(ctx, slug);
    const workspaces = await listWorkspaces(ctx);
    const current = workspaces.find((w) => w.slug === slug);
    if (!current) notFound();
    return { ...facts, workspaces, current };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
});
