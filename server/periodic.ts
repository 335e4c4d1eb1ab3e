import { getLogger } from "../lib/observability/logger";

export interface PeriodicJob {
  /** names the job in the log */
  component: string;
  /** the log's message when a run fails */
  failed: string;
  everyMs: number;
  /** the first run comes a little after start, so starting the app stays quick */
  firstAfterMs: number;
  /** one run; a failure is logged, and the job runs again at its next time */
  run: (log: ReturnType<typeof getLogger>) => Promise<void>;
}

/**
 * Runs a maintenance job every `everyMs` in this process, never two runs at once; returns a
 * stop function. Every app process runs it: a job that must run once per cluster takes an
 * advisory lock inside `run` (see lib/images/cleanup.ts).
 */
export function startPeriodic(job: PeriodicJob): () => void {
  const log = getLogger().child({ component: job.component });
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await job.run(log);
    } catch (error) {
      log.error({ err: error }, job.failed);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), job.firstAfterMs);
  const timer = setInterval(() => void run(), job.everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
