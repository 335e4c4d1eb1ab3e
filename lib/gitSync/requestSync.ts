import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { getDb } from "../db";
import { isClient } from "../db/tx";
import { gitAdminOf, loadConnection } from "./manage";
import { gitSyncPollMs } from "./pollInterval";
import { presentConnection, type GitConnectionDto } from "./present";
import { syncConnectionNow } from "./runDue";
import { ConnectionRef } from "./schema";

/**
 * "Sync now": brings the repository's commits in and commits every document the connection
 * keeps or covers, authored by their owners. Runs at once in this process unless another
 * process is syncing the connection (then it is queued for that one's next turn); the answer
 * is the connection's state afterwards (last commit, last sync, last error). Requires `gitSync.manage`.
 */
export async function requestSync(ctx: Ctx, raw: ConnectionRef): Promise<GitConnectionDto> {
  const input = ConnectionRef.parse(raw);
  const workspace = await gitAdminOf(ctx, input.slug);
  const found = await loadConnection(ctx, workspace.id, input.connectionId);
  await ctx.db.gitSyncRequest.create({ data: { connectionId: found.id, documentId: null, authorId: ctx.actor.userId, reason: "sync" } });
  await ctx.db.gitConnection.update({ where: { id: found.id }, data: { nextSyncAt: new Date() } });
  await recordActivity(ctx, { workspaceId: workspace.id, kind: "gitSync.requested", subjectId: found.id, data: {} });
  if (found.enabled) await syncConnectionNow(isClient(ctx.db) ? ctx.db : getDb(), found.id, { pollMs: gitSyncPollMs(), log: ctx.log });
  return presentConnection(await loadConnection(ctx, workspace.id, found.id));
}
