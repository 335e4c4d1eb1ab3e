import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** `npm run dev` (scripts/start.ts with embedded PostgreSQL, no build) in its own process group. */
export interface StartedApp {
  /** npm's pid, which is also the process group's id */
  group: number;
  npm: ChildProcess;
  output: () => string;
}

function cmdline(pid: string): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

function processGroup(pid: string): number | undefined {
  try {
    // /proc/<pid>/stat: pid (comm) state ppid pgrp …; comm may hold spaces, so read after the last ")"
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
  } catch {
    return undefined;
  }
}

function pids(): string[] {
  return readdirSync("/proc").filter((name) => /^\d+$/.test(name));
}

/** Pids of postgres servers (and their children) running on `pgDataDir`. */
export function postgresOn(pgDataDir: string): number[] {
  return pids().filter((pid) => {
    const args = cmdline(pid);
    return args[0]?.endsWith("/postgres") && args.includes(pgDataDir);
  }).map(Number);
}

/** The pid of the postgres watchdog shell for server `postgresPid`. */
export function watchdogOf(postgresPid: number): number | undefined {
  const found = pids().find((pid) => {
    const args = cmdline(pid);
    return args.includes("specwright-postgres-watchdog") && args.includes(String(postgresPid));
  });
  return found ? Number(found) : undefined;
}

/** The app's node process in the group (not npm, not its sh). */
export function appProcess(app: StartedApp): number {
  const found = pids().find((pid) => {
    const args = cmdline(pid);
    return processGroup(pid) === app.group && args[0]?.endsWith("node") && args.includes("scripts/start.ts");
  });
  if (!found) throw new Error(`no app process in group ${app.group}:\n${app.output()}`);
  return Number(found);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` every 200 ms until it holds or `ms` passed; returns whether it held. */
export async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 200) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

/** Starts the app on `dataDir` and waits until it says it is running (migrated, seeded, listening). */
export async function startApp(dataDir: string, port: number): Promise<StartedApp> {
  const env: NodeJS.ProcessEnv = { ...process.env, SPECWRIGHT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "info" };
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "REDIS_URL", "NODE_ENV"]) delete env[name];
  const npm = spawn("npm", ["run", "dev"], { detached: true, env, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  npm.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  npm.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const app: StartedApp = { group: npm.pid!, npm, output: () => text };
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (text.includes("Specwright is running at")) done(resolve);
      else if (npm.exitCode !== null) done(() => reject(new Error(`the app exited while starting:\n${text}`)));
    }, 200);
    const done = (then: () => void) => {
      clearInterval(timer);
      then();
    };
  });
  return app;
}
