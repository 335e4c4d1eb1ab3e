import { authorize, authorizeAccount } from "../access/policy";
import type { Ctx } from "../context";
import { loadMembership } from "../workspaces/loadMembership";
import { presentToken, TOKEN_SELECT, type ApiTokenDto } from "./present";
import { Slug } from "../workspaces/schema";
import { recentTokenActivity } from "./tokenActivity";
import { recentTokenCalls } from "./tokenCalls";

const SHOWN = 100;

/** The actor's personal API tokens, newest first, revoked and expired ones included, each with its latest activity and calls. Only the person (`account.security`). */
export async function listPersonalTokens(ctx: Ctx): Promise<ApiTokenDto[]> {
  authorizeAccount(ctx.actor, "account.security");
  const rows = await ctx.db.apiToken.findMany({ where: { userId: ctx.actor.userId, workspaceId: null }, orderBy: { createdAt: "desc" }, take: SHOWN, select: TOKEN_SELECT });
  const ids = rows.map((r) => r.id);
  const [recent, calls] = await Promise.all([recentTokenActivity(ctx.db, { actorId: ctx.actor.userId }, ids), recentTokenCalls(ctx.db, ids)]);
  const now = new Date();
  return rows.map((r) => presentToken(r, now, undefined, recent.get(r.id), calls.get(r.id)));
}

/** A workspace's API tokens, whoever made them, newest first, each with its maker's role now, its latest activity and calls. Requires `apiToken.manage`; NotFound outside the actor's workspaces. */
export async function listWorkspaceTokens(ctx: Ctx, raw: { slug: string }): Promise<ApiTokenDto[]> {
  const { workspace, membership } = await loadMembership(ctx, Slug.parse(raw.slug));
  authorize(membership, "apiToken.manage");
  const rows = await ctx.db.apiToken.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "desc" }, take: SHOWN, select: TOKEN_SELECT });
  const makers = await ctx.db.membership.findMany({ where: { workspaceId: workspace.id, userId: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { userId: true, role: true } });
  const roles = new Map(makers.map((m) => [m.userId, m.role] as const));
  const ids = rows.map((r) => r.id);
  const [recent, calls] = await Promise.all([recentTokenActivity(ctx.db, { workspaceId: workspace.id }, ids), recentTokenCalls(ctx.db, ids)]);
  const now = new Date();
  return rows.map((r) => presentToken(r, now, roles.get(r.userId) ?? null, recent.get(r.id), calls.get(r.id)));
}
