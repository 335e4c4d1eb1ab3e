import { getDb } from "../lib/db";
import { removeOrphanImages } from "../lib/images/cleanup";
import { startPeriodic } from "./periodic";

/** Removes images nothing refers to any more, every hour (see `removeOrphanImages`); returns a stop function. */
export function startImageCleanup(): () => void {
  return startPeriodic({
    component: "image-cleanup",
    failed: "removing unused images failed",
    // each process tries every hour; one process of a cluster runs it at a time (an advisory lock)
    everyMs: 60 * 60 * 1000,
    firstAfterMs: 5 * 60 * 1000,
    async run(log) {
      const { ran, removed } = await removeOrphanImages(getDb());
      if (ran && removed.length) log.info({ removed: removed.length, images: removed.map((r) => r.id) }, "removed images nothing refers to");
    },
  });
}
