import type { Ctx } from "../context";
import type { Db } from "../db";
import { DomainError } from "../errors";

/**
 * Whom a connection reads and writes documents as: the admin who connected it while they are
 * still a member, else the workspace's first owner. What they may do is checked by the use
 * cases as for anyone.
 */
export async function serviceCtx(db: Db, connection: { workspaceId: string; createdById: string }): Promise<Ctx> {
  const members = await db.membership.findMany({
    where: { workspaceId: connection.workspaceId, OR: [{ userId: connection.createdById }, { role: "owner" }] },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const chosen = members.find((m) => m.userId === connection.createdById) ?? members[0];
  if (!chosen) throw new DomainError("The workspace has no owner to sync documents as.", "invalid_input");
  return { actor: { userId: chosen.user.id, email: chosen.user.email, name: chosen.user.name }, db };
}

/** A workspace member by their email, for a commit's author; null when nobody of the workspace has it. */
export async function memberByEmail(db: Db, workspaceId: string, email: string) {
  const row = await db.membership.findFirst({ where: { workspaceId, user: { email: { equals: email.trim(), mode: "insensitive" } } }, include: { user: { select: { id: true, email: true, name: true } } } });
  return row ? { userId: row.user.id, email: row.user.email, name: row.user.name } : null;
}
