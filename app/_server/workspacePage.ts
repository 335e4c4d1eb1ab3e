import { notFound } from "next/navigation";
import { cache } from "react";
import { membershipOf } from "@/lib/access/policy";
import type { Actor, Ctx } from "@/lib/context";
import { getDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { knowMembership, type WorkspaceFacts } from "@/lib/workspaces/loadMembership";
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

/**
 * A context for a page that only reads: the use cases it asks load each thing once, and
 * know the actor's membership here already.
 */
export function readingCtx(page: WorkspacePageData): Ctx {
  const ctx: Ctx = { actor: page.actor, db: getDb(), reads: new Map() };
  knowMembership(ctx, page);
  return ctx;
}

/**
 * Read once per page drawn: the workspace layout and its page both ask (the session is looked
 * up once too). The actor's workspaces hold their role in this one.
 */
const workspaceFacts = cache(async function workspaceFacts(slug: string): Promise<Omit<WorkspacePageData, "actor">> {
  const actor = await requireActor();
  try {
    const workspaces = await listWorkspaces({ actor, db: getDb() });
    const current = workspaces.find((w) => w.slug === slug);
    const membership = current ? membershipOf(actor, { userId: actor.userId, workspaceId: current.id, role: current.role }) : null;
    if (!current || !membership) notFound();
    return { workspace: { id: current.id, slug: current.slug, name: current.name }, membership, workspaces, current };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
});
