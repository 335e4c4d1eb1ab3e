import { getDb } from "../lib/db";
import { gitSyncPollMs } from "../lib/gitSync/pollInterval";
import { GIT_SYNC_BATCH, syncDueConnections } from "../lib/gitSync/runDue";
import { startPeriodic } from "./periodic";

/** How often each process looks for due Git connections: every 10 s (a connection is due when asked, or GIT_SYNC_POLL_SECONDS after its last sync). */
const LOOK_MS = 10_000;

/**
 * Syncs due Git connections; returns a stop function. Every app process runs this loop; a
 * lease on the connection row gives each connection to one of them at a time (see runDue.ts).
 */
export function startGitSyncer(): () => void {
  const pollMs = gitSyncPollMs();
  return startPeriodic({
    component: "gitSync",
    failed: "git sync failed",
    everyMs: LOOK_MS,
    firstAfterMs: LOOK_MS,
    async run(log) {
      for (let i = 0; i < 10; i++) {
        const synced = await syncDueConnections(getDb(), { pollMs, log });
        if (synced < GIT_SYNC_BATCH) break;
      }
    },
  });
}
