import type { Actor, Ctx } from "../../lib/context";
import { createDb, type Db } from "../../lib/db";
import { InputError } from "./errors";

/** A client for DATABASE_URL; InputError saying so when it is not set. */
export function openDatabase(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new InputError(
      "DATABASE_URL is not set. import and export work against a PostgreSQL database: set DATABASE_URL=postgresql://user:password@host:5432/specwright (the one the app uses).",
    );
  }
  return createDb(url);
}

/**
 * Who the command acts as in the workspace: the member with `email`, or else the workspace's
 * first owner. Permissions are then checked by the same use cases the app calls.
 */
export async function actorFor(db: Db, slug: string, email: string | undefined): Promise<Ctx> {
  const workspace = await db.workspace.findUnique({ where: { slug } });
  if (!workspace) throw new InputError(`no workspace "${slug}" in this database.`);
  const membership = await db.membership.findFirst({
    where: { workspaceId: workspace.id, ...(email ? { user: { email: { equals: email, mode: "insensitive" } } } : { role: "owner" }) },
    orderBy: { createdAt: "asc" },
    include: { user: true },
  });
  if (!membership) throw new InputError(email ? `${email} is not a member of "${slug}".` : `workspace "${slug}" has no owner to act as; pass --as <email>.`);
  const actor: Actor = { userId: membership.user.id, email: membership.user.email, name: membership.user.name };
  return { actor, db };
}
