import { getDb } from "../lib/db";
import { removeOrphanImages } from "../lib/images/cleanup";
import { getLogger } from "../lib/observability/logger";

/** How often each process tries the cleanup; one process of a cluster runs it at a time (an advisory lock). */
const EVERY_MS = 60 * 60 * 1000;
/** The first try comes a little after start, so starting the app stays quick. */
const FIRST_AFTER_MS = 5 * 60 * 1000;

/** Removes images nothing refers to any more, every hour (see `removeOrphanImages`); returns a stop function. */
export function startImageCleanup(): () => void {
  const log = getLogger().child({ component: "image-cleanup" });
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { ran, removed } = await removeOrphanImages(getDb());
      if (ran && removed.length) log.info({ removed: removed.length, images: removed.map((r) => r.id) }, "removed images nothing refers to");
    } catch (error) {
      log.error({ err: error }, "removing unused images failed");
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), FIRST_AFTER_MS);
  const timer = setInterval(() => void run(), EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
