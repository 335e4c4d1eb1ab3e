import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { getDb, type Db } from "../db";
import { isClient } from "../db/tx";
import { gitAdminOf, loadConnection } from "./manage";
import { gitSyncPollMs } from "./pollInterval";
import { presentConnection, type GitConnectionDto } from "./present";
import { syncConnectionNow, type RunOptions } from "./runDue";
import { ConnectionRef } from "./schema";

/**
 * "Sync now": brings the repository's commits in and commits every document the connection
 * keeps or covers, authored by their owners. Runs at once in this process; while another sync
 * of the connection is under way it waits for that one (up to 30 s, then the request stays
 * queued for the next turn). The answer is the connection's state afterwards (last commit,
 * last sync, last error). Requires `gitSync.manage`.
 */
export async function requestSync(ctx: Ctx, raw: ConnectionRef): Promise<GitConnectionDto> {
  const input = ConnectionRef.parse(raw);
  const workspace = await gitAdminOf(ctx, input.slug);
  const found = await loadConnection(ctx, workspace.id, input.connectionId);
  const request = await ctx.db.gitSyncRequest.create({ data: { connectionId: found.id, documentId: null, authorId: ctx.actor.userId, reason: "sync" } });
  await ctx.db.gitConnection.update({ where: { id: found.id }, data: { nextSyncAt: new Date() } });
  await recordActivity(ctx, { workspaceId: workspace.id, kind: "gitSync.requested", subjectId: found.id, data: {} });
  if (found.enabled) await syncOrWait(isClient(ctx.db) ? ctx.db : getDb(), found.id, request.id, { pollMs: gitSyncPollMs(), log: ctx.log });
  return presentConnection(await loadConnection(ctx, workspace.id, found.id));
}

/** How long "Sync now" waits for a sync already under way before answering that its own is queued. */
const WAIT_FOR_RUNNING_MS = 30_000;

/**
 * Syncs the connection here; while a sync already holds it (a poll, a hook, another person's
 * "Sync now", here or in another process), waits until that one has taken this request or
 * let go of the connection, so the answer describes a sync that saw what was asked for.
 */
async function syncOrWait(db: Db, connectionId: string, requestId: string, options: RunOptions): Promise<void> {
  const deadline = Date.now() + WAIT_FOR_RUNNING_MS;
  while ((await syncConnectionNow(db, connectionId, options)) === "busy" && Date.now() < deadline) {
    if (!(await db.gitSyncRequest.findUnique({ where: { id: requestId }, select: { id: true } }))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
