import os from "node:os";

// Shared plumbing for the bench scripts: cleanup that runs on success, failure, Ctrl-C and
// time-out; percentiles; the result table every script prints.

type Cleanup = () => Promise<void> | void;

const cleanups: { label: string; fn: Cleanup }[] = [];
let cleaning: Promise<void> | undefined;

/** Registers a cleanup step; steps run in reverse order of registration. */
export function onCleanup(label: string, fn: Cleanup): void {
  cleanups.push({ label, fn });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects when `promise` does not settle within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop()!;
      try {
        await withTimeout(Promise.resolve().then(step.fn), 30_000, `cleanup "${step.label}"`);
      } catch (error) {
        console.error(`cleanup "${step.label}" failed:`, error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}

/**
 * Runs a bench's main function with a hard time limit; cleans up whatever was started
 * (app, PostgreSQL, browsers, temp dirs) in every case, then exits.
 */
export async function runBench(name: string, main: () => Promise<void>, limitMs = 175_000): Promise<never> {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  let code = 0;
  const timer = setTimeout(() => {
    console.error(`\n${name}: over the time limit of ${limitMs / 1000} s — stopping`);
    void runCleanups().finally(() => process.exit(2));
  }, limitMs);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${name}: ${signal} — cleaning up`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
  try {
    await main();
  } catch (error) {
    console.error(`\n${name} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
    code = 1;
  } finally {
    clearTimeout(timer);
    await runCleanups();
  }
  console.log(
    `(${name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s; machine load average (1 min) ${loadAtStart.toFixed(2)} at start, ` +
      `${os.loadavg()[0]!.toFixed(2)} at end, on ${os.cpus().length} cores — other processes on this machine skew the figures)`,
  );
  process.exit(code);
}

/** Nearest-rank percentile of unsorted samples (NaN when empty). */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export interface Row {
  figure: string;
  measured: string;
  floor: string;
  ratio: string;
  budget: string;
}

export function ms(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} ms` : "n/a";
}

export function kb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : "n/a";
}

export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : "n/a";
}

export function ratio(measured: number, floor: number): string {
  return Number.isFinite(measured) && Number.isFinite(floor) && floor > 0 ? `${(measured / floor).toFixed(1)}×` : "—";
}

/** Prints rows as an aligned plain-text table. */
export function printTable(title: string, rows: Row[]): void {
  const header: Row = { figure: "figure", measured: "measured", floor: "floor (same run)", ratio: "ratio", budget: "budget" };
  const keys: (keyof Row)[] = ["figure", "measured", "floor", "ratio", "budget"];
  const widths = keys.map((k) => Math.max(...[header, ...rows].map((r) => r[k].length)));
  const line = (r: Row) => keys.map((k, i) => r[k].padEnd(widths[i]!)).join("  ");
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  console.log("");
}

/**
 * tsx (esbuild, keepNames) wraps named functions in `__name(...)`; functions passed to
 * page.evaluate run in the browser, where that helper does not exist. Add this as an
 * init script to every browser context.
 */
export const BROWSER_NAME_SHIM = "globalThis.__name = globalThis.__name || ((fn) => fn);";

/** Largest sample (spread-free, for arrays too long for Math.max(...xs)). */
export function maxOf(samples: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const x of samples) if (x > max) max = x;
  return samples.length ? max : Number.NaN;
}
