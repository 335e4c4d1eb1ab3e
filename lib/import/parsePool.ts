import { once } from "node:events";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { InvalidInput, ServiceUnavailable } from "../errors";
import { getLogger } from "../observability/logger";
import { runParseTask, type ParseTaskName, type ParseTasks, type TaskFailure, type TaskOutcome, type TaskRequest } from "./parseTasks";

/** How long one parse may take, queueing included, unless PARSE_TIMEOUT_MS says otherwise. */
export const DEFAULT_PARSE_TIMEOUT_MS = 300_000;
/** Parses waiting for a thread beyond this many are refused (503) rather than queued. */
const MAX_QUEUE = 32;
/**
 * A worker past this heap is stopped (its task fails), so one hostile file cannot exhaust the
 * server; a dense 2 MB design document needs about 400 MB. The stack matches the main
 * thread's, so deeply nested input fails fast as it did there instead of recursing into the heap.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024, stackSizeMb: 1 };
/** How long a worker may take to start (tsx compiles the task module on first load). */
const START_TIMEOUT_MS = 60_000;

/** A small design document with the common parts: front matter, headings, a list, a table, code and a diagram. */
const WARM_UP_MARKDOWN = [
  "---\nstatus: Draft\n---",
  "# Warm-up\n\n## Context\n\nSome **text** with a [link](https://example.com).\n\n- [ ] a task\n- an item",
  "## Design\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```\n\n```mermaid\nflowchart LR\n  A --> B\n```\n",
].join("\n\n");

type Pool = Piscina<TaskRequest, TaskOutcome<unknown>>;

interface Shared {
  pool?: Promise<Pool | null>;
  /** the pool `pool` starts or holds, for a shutdown that must not wait for its warm-up */
  threads?: Pool;
  /** pools `closeParsePool` stopped: a warm-up it cut short is not logged as a failure */
  closed: WeakSet<Pool>;
  /** tasks handed to the workers and not yet settled, queued ones included */
  running: number;
}

// On globalThis: route handlers are bundled apart from server/http.ts, which closes the pool on shutdown.
const holder = globalThis as unknown as { specwrightParsePool?: Shared };
const shared: Shared = (holder.specwrightParsePool ??= { running: 0, closed: new WeakSet() });

/**
 * The worker entry, beside parseTasks.ts in the source tree: PARSE_WORKER_FILE when set (a
 * deployment with another layout), else next to this module when it runs from source (tsx,
 * Vitest), else under the working directory (a Next.js build bundles this module away from
 * its folder; `npm start` and the image run from the project root).
 */
function workerFile(): string | null {
  const configured = process.env.PARSE_WORKER_FILE;
  if (configured) return existsSync(configured) ? path.resolve(configured) : null;
  const dirs = [path.join(process.cwd(), "lib", "import")];
  if (import.meta.url.startsWith("file:")) dirs.unshift(path.dirname(fileURLToPath(import.meta.url)));
  const dir = dirs.find((d) => existsSync(path.join(d, "parseWorker.mjs")) && existsSync(path.join(d, "parseTasks.ts")));
  return dir ? path.join(dir, "parseWorker.mjs") : null;
}

/** PARSE_WORKERS, else one thread per spare core, at most two: parsing must leave the request thread a core. */
function threadCount(): number {
  const configured = Number(process.env.PARSE_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.min(2, Math.max(1, os.availableParallelism() - 1));
}

function timeoutMs(): number {
  const configured = Number(process.env.PARSE_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_PARSE_TIMEOUT_MS;
}

async function start(): Promise<Pool | null> {
  const log = getLogger();
  const filename = workerFile();
  if (!filename) {
    log.error({ cwd: process.cwd(), configured: process.env.PARSE_WORKER_FILE }, "parse worker file lib/import/parseWorker.mjs not found: parsing imports on the request thread");
    return null;
  }
  let pool: Pool | undefined;
  try {
    pool = new Piscina({
      filename,
      // one thread stays, its modules loaded: a worker starts in seconds (tsx compiles the
      // task module), which an import after a quiet minute would otherwise wait for
      minThreads: 1,
      maxThreads: threadCount(),
      idleTimeout: 60_000,
      maxQueue: MAX_QUEUE,
      resourceLimits: WORKER_LIMITS,
    });
    shared.threads = pool;
    // a worker that dies between tasks is replaced; say so instead of crashing on an unheard 'error'
    pool.on("error", (error: unknown) => log.error({ err: error }, "a parse worker failed"));
    // a first task proves the worker loads its modules (a worker that cannot start fails it at
    // once), and reading a small document through every step makes the first import's warm
    const ping = pool.run({ task: "importMarkdown", args: [WARM_UP_MARKDOWN] }, { signal: AbortSignal.timeout(START_TIMEOUT_MS) });
    const listening = new AbortController();
    const failed = once(pool, "error", { signal: listening.signal }).then(([error]: unknown[]) => Promise.reject(error instanceof Error ? error : new Error(String(error))));
    failed.catch(() => undefined);
    try {
      await Promise.race([ping, failed]);
    } finally {
      listening.abort();
    }
    return pool;
  } catch (error) {
    // stopped while it warmed up (a shutdown soon after the start): not a failure
    if (pool && shared.closed.has(pool)) return null;
    log.error({ err: error, filename }, "parse workers are unavailable: parsing imports on the request thread");
    if (shared.threads === pool) shared.threads = undefined;
    await pool?.destroy().catch(() => undefined);
    return null;
  }
}

/** The process's parse pool, started on first use; null when workers cannot run here. */
function parsePool(): Promise<Pool | null> {
  shared.pool ??= start();
  return shared.pool;
}

/**
 * Starts the pool now, in the background (the server calls it once it listens), so the first
 * import does not wait for a worker to load its modules.
 */
export function warmParsePool(): void {
  void parsePool();
}

function toError(failure: TaskFailure): Error {
  if (failure.kind === "invalid") return new InvalidInput(failure.message, failure.fields);
  return new InvalidInput("The file is nested too deeply to import: lists or quotes inside each other thousands of levels deep.", { markdown: ["nested too deeply"] });
}

function settle<T>(outcome: TaskOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw toError(outcome.failure);
}

/** The pool's own failures as errors the edge maps to a status: 503 when busy or slow, 400 for a file too big to hold. */
function translate(error: unknown, limitMs: number): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === "AbortError") {
    const limit = limitMs >= 1000 ? `${Math.round(limitMs / 1000)} s` : `${limitMs} ms`;
    return new ServiceUnavailable(`Reading the file took longer than ${limit}, so nothing was imported. Split it into smaller files, or try again when the server is less busy.`);
  }
  if (error.message === "Task queue is at limit") return new ServiceUnavailable("The server is busy reading other imports, so nothing was imported. Try again in a minute.");
  if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new InvalidInput("The file needs more memory to read than the server allows, so nothing was imported. Split it into smaller files.", { markdown: ["too complex"] });
  }
  return error;
}

/**
 * Runs one pure parse step (`PARSE_TASKS`) on a worker thread, so a large file does not hold
 * up other requests. The same step runs on the calling thread when workers cannot start
 * here (logged once). Throws what the step throws (InvalidInput), InvalidInput for input
 * nested too deeply or too big for a worker's heap, and ServiceUnavailable when the pool's
 * queue is full or the step (queueing included) outlasts PARSE_TIMEOUT_MS; the worker of a
 * step that timed out is stopped and replaced.
 */
export async function runOffThread<N extends ParseTaskName>(task: N, ...args: Parameters<ParseTasks[N]>): Promise<ReturnType<ParseTasks[N]>> {
  const request = { task, args } as TaskRequest<N>;
  const pool = await parsePool();
  if (!pool) return settle(runParseTask(request));
  const limitMs = timeoutMs();
  let outcome: TaskOutcome<unknown>;
  shared.running++;
  try {
    outcome = await pool.run(request, { signal: AbortSignal.timeout(limitMs) });
  } catch (error) {
    throw translate(error, limitMs);
  } finally {
    shared.running--;
  }
  return settle(outcome as TaskOutcome<ReturnType<ParseTasks[N]>>);
}

export interface ParsePoolStats {
  /** "workers" once the pool runs, "in-thread" when workers could not start, "idle" before the first parse */
  mode: "workers" | "in-thread" | "idle";
  /** tasks finished by the pool's workers since it started */
  completed: number;
  /** tasks on the workers or waiting for one */
  running: number;
  threads: number;
}

/** What the pool is doing, for health checks and tests. */
export async function parsePoolStats(): Promise<ParsePoolStats> {
  const pool = shared.pool ? await shared.pool : undefined;
  if (pool === undefined) return { mode: "idle", completed: 0, running: 0, threads: 0 };
  if (pool === null) return { mode: "in-thread", completed: 0, running: 0, threads: 0 };
  return { mode: "workers", completed: pool.completed, running: shared.running, threads: pool.threads.length };
}

/**
 * Stops the pool's threads (shutdown, the end of a CLI command); the next parse starts a new
 * pool. A pool still warming up is stopped at once: a worker loading its modules takes
 * seconds on a busy machine, which a Ctrl-C soon after the start used to wait for.
 */
export async function closeParsePool(): Promise<void> {
  const pool = shared.threads;
  shared.pool = undefined;
  shared.threads = undefined;
  if (!pool) return;
  shared.closed.add(pool);
  await pool.destroy();
}
