import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alive, appProcess, eventually, postgresOn, startApp, watchdogOf, type StartedApp } from "../../support/startedApp";

// npm start's own process tree (npm → sh → node → embedded PostgreSQL), stopped every way an
// operator, a terminal or a supervisor stops it; each test's start is also the previous stop's
// recovery, and a start that recovered is the one the next test stops (each start takes ~10 s of CPU)
const PORT = 3432;
const STOP_MS = 60_000;
let dataDir = "";
let pgDir = "";
let running: StartedApp | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "specwright-stop-"));
  // as root the server runs as `postgres`, which must reach its folder
  chmodSync(dataDir, 0o755);
  pgDir = path.join(dataDir, "postgres");
});

afterAll(() => {
  // npm may be gone while the app it started still runs in its group
  if (running) killGroup(running.group);
  for (const pid of postgresOn(pgDir)) process.kill(pid, "SIGQUIT");
  rmSync(dataDir, { recursive: true, force: true });
});

function killGroup(group: number): void {
  try {
    process.kill(-group, "SIGKILL");
  } catch {
    // nothing left in it
  }
}

/** The user PostgreSQL runs as: `postgres` when the tests run as root, else this one. */
function serverUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

function postmaster(): number {
  return Number(readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

interface Started {
  app: StartedApp;
  appPid: number;
  serverPid: number;
}

/** A start that came up, left running by the test before for the next one to stop. */
let leftRunning: Started | undefined;

async function start(): Promise<Started> {
  running = await startApp(dataDir, PORT);
  const serverPid = postmaster();
  expect(postgresOn(pgDir)).toContain(serverPid);
  return { app: running, appPid: appProcess(running), serverPid };
}

/** The app the test before left running (its recovery start), else a new start: each start is needed once. */
async function runningOrStart(): Promise<Started> {
  const left = leftRunning;
  leftRunning = undefined;
  if (left && alive(left.appPid) && alive(left.serverPid)) return left;
  if (left) {
    killGroup(left.app.group);
    await eventually(() => postgresOn(pgDir).length === 0, STOP_MS);
  }
  return start();
}

/** Starts, then kills the app, its server and the server's watchdog at once: a stale postmaster.pid stays behind. */
async function startThenKillOutright(): Promise<void> {
  const { app, appPid, serverPid } = await runningOrStart();
  process.kill(watchdogOf(serverPid)!, "SIGKILL");
  process.kill(-app.group, "SIGKILL");
  process.kill(serverPid, "SIGKILL");
  expect(await eventually(() => postgresOn(pgDir).length === 0 && !alive(appPid), STOP_MS)).toBe(true);
}

async function expectAllGone(appPid: number): Promise<void> {
  expect(await eventually(() => !alive(appPid), STOP_MS)).toBe(true);
  expect(await eventually(() => postgresOn(pgDir).length === 0, STOP_MS)).toBe(true);
}

// [how, stop, whether the app's own shutdown (store documents, stop the database) runs to its end];
// the crash first, so a start follows it
const STOPS: [string, (app: StartedApp, appPid: number) => void, boolean][] = [
  ["kill -9 of the app's process (a crash)", (_app, appPid) => process.kill(appPid, "SIGKILL"), false],
  ["Ctrl-C (SIGINT to the process group)", (app) => process.kill(-app.group, "SIGINT"), true],
  ["SIGTERM to the app's process", (_app, appPid) => process.kill(appPid, "SIGTERM"), true],
  ["SIGTERM to the whole process group, as a supervisor sends it", (app) => process.kill(-app.group, "SIGTERM"), true],
  ["SIGTERM to npm alone (a supervisor that signals only its child)", (app) => process.kill(app.group, "SIGTERM"), true],
];

/** The app's last log line on a clean shutdown. */
const STOPPED = /"code":0,"msg":"stopped"/;

describe("stopping npm start", () => {
  it("a server left running without its app and watchdog is stopped by the next start, which comes up", async () => {
    const { app, appPid, serverPid } = await runningOrStart();
    const watchdog = watchdogOf(serverPid);
    expect(watchdog).toBeDefined();
    process.kill(watchdog!, "SIGKILL");
    process.kill(-app.group, "SIGKILL");
    expect(await eventually(() => !alive(appPid), STOP_MS)).toBe(true);
    // the orphan this test is about
    expect(alive(serverPid)).toBe(true);

    const next = await start();
    expect(alive(serverPid)).toBe(false);
    expect(next.serverPid).not.toBe(serverPid);
    leftRunning = next;
  }, 240_000);

  it("a server killed outright (stale postmaster.pid) does not stop the next start", async () => {
    await startThenKillOutright();
    expect(existsSync(path.join(pgDir, "postmaster.pid"))).toBe(true);

    leftRunning = await start();
  }, 240_000);

  it("a stale postmaster.pid naming a live process of the server's user that is not a server here (a killed server not yet reaped, a reused pid) does not stop the next start", async () => {
    await startThenKillOutright();
    // the pid file now names a process that lives on: PostgreSQL alone would refuse to start
    // as the server's own user, which PostgreSQL can signal (it ignores processes it may not)
    const stranger = spawn("sleep", ["60"], { stdio: "ignore", ...serverUser() });
    const file = path.join(pgDir, "postmaster.pid");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^\d+/, String(stranger.pid)));
    try {
      leftRunning = await start();
      expect(alive(stranger.pid!)).toBe(true);
    } finally {
      stranger.kill("SIGKILL");
    }
  }, 240_000);

  for (const [how, stop, clean] of STOPS) {
    it(`${how} leaves no PostgreSQL behind${clean ? " after a clean shutdown" : ""}, and the next start comes up`, async () => {
      const { app, appPid } = await runningOrStart();
      stop(app, appPid);
      await expectAllGone(appPid);
      if (clean) expect(app.output()).toMatch(STOPPED);
    }, 240_000);
  }
});
