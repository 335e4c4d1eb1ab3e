import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { Conflict } from "../errors";
import { pinnedHostKeys } from "./hostKeys";
import { gitAdminOf, loadConnection } from "./manage";
import { presentConnection, type GitConnectionDto } from "./present";
import { ConnectionRef } from "./schema";

/**
 * "Forget host key": the connection stops trusting the SSH host key(s) it pinned, so its
 * next sync trusts whatever key the host presents then, and pins that one. For a host whose
 * owners changed its key; the activity log keeps the fingerprints forgotten. Requires
 * `gitSync.manage`; NotFound for another workspace's connection; Conflict when no key is held.
 */
export async function forgetHostKey(ctx: Ctx, raw: ConnectionRef): Promise<GitConnectionDto> {
  const input = ConnectionRef.parse(raw);
  const workspace = await gitAdminOf(ctx, input.slug);
  const found = await loadConnection(ctx, workspace.id, input.connectionId);
  // null: a key an earlier version pinned in a file only, which the next sync removes
  if (found.sshKnownHosts === "") throw new Conflict("This connection holds no SSH host key to forget.");
  return inTransaction(ctx, async (tx) => {
    await tx.db.gitConnection.update({ where: { id: found.id }, data: { sshKnownHosts: "" } });
    const forgotten = pinnedHostKeys(found.sshKnownHosts).map((k) => k.fingerprint);
    await recordActivity(tx, { workspaceId: workspace.id, kind: "gitSync.hostKeyForgotten", subjectId: found.id, data: { repoUrl: found.repoUrl, fingerprints: forgotten } });
    return presentConnection(await loadConnection(tx, workspace.id, found.id));
  });
}
