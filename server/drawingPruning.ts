import { getDb } from "../lib/db";
import { pruneDrawings } from "../lib/diagrams/prune";
import { startPeriodic } from "./periodic";

/** Deletes diagram drawings no page will bring again, every six hours (see `pruneDrawings`); returns a stop function. */
export function startDrawingPruning(): () => void {
  return startPeriodic({
    component: "drawing-pruning",
    failed: "pruning diagram drawings failed",
    // each process tries every six hours; one process of a cluster runs it at a time (an advisory lock)
    everyMs: 6 * 60 * 60 * 1000,
    firstAfterMs: 10 * 60 * 1000,
    async run(log) {
      const { ran, removed } = await pruneDrawings(getDb());
      if (ran && removed) log.info({ removed }, "deleted diagram drawings no page will bring");
    },
  });
}
