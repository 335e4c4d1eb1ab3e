// Child processes of the cluster harness: started with their output in a log file, waited
// for, and stopped (politely, then by force) whatever happens to the process that started them.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";

export interface Managed {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** resolves when the process has exited */
  exited: Promise<void>;
}

const running = new Set<ChildProcess>();

// the runner itself dying (an exception, Ctrl-C) must not leave servers behind
process.once("exit", () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

export function startProcess(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string }): Managed {
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      running.delete(child);
      resolve();
    });
    child.once("error", (error) => {
      log.write(`could not start ${command}: ${error.message}\n`);
      running.delete(child);
      resolve();
    });
  });
  return { name, child, logFile: options.logFile, exited };
}

export function isRunning(p: Managed): boolean {
  return p.child.exitCode === null && p.child.signalCode === null;
}

/** Sends `signal`, and SIGKILL when the process is still there after `graceMs`. */
export async function stopProcess(p: Managed, signal: NodeJS.Signals = "SIGTERM", graceMs = 20_000): Promise<void> {
  if (!isRunning(p)) return;
  p.child.kill(signal);
  const timer = setTimeout(() => p.child.kill("SIGKILL"), graceMs);
  await p.exited;
  clearTimeout(timer);
}

/** The last lines a process wrote, for error messages. */
export function logTail(p: Managed, lines = 30): string {
  try {
    return readFileSync(p.logFile, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it is true; throws with `what` after `timeoutMs`, or when `failed` says the wait is pointless. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, failed?: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = failed?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

export async function httpStatus(url: string): Promise<number> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  await res.arrayBuffer();
  return res.status;
}
