import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { syncConnectionNow } from "@/lib/gitSync/runDue";
import { parsePoolStats, warmParsePool } from "@/lib/import/parsePool";
import { testDb } from "../../support/db";
import { makeRemote } from "../../support/gitRepo";

const KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
let workRoot = "";
const saved: Record<string, string | undefined> = {};
const cleanups: (() => void)[] = [];

/**
 * Local remotes allowed, a sealing key and a folder for working clones, for this file only;
 * and the workers that read incoming Markdown started, as the server starts them once it
 * listens (server/http.ts), so the first test does not also wait for them to load.
 *
 * Each test here runs real git: a sync is about a dozen git processes (ls-remote, fetch,
 * checkout, diff, show, commit, push...) and the test's own commits to the remote a few more,
 * up to 70 processes in one test. They run one after another, and each waits for a core: on
 * this 2-core machine one test took 2-3 s quiet, 6-17 s at load 11, and 30 s with two such
 * files at once. The time limit is set for that, not for a wait on something that may never come.
 */
export function withGitSyncEnv() {
  vi.setConfig({ testTimeout: 90_000 });
  beforeAll(async () => {
    for (const k of ["GIT_SYNC_ALLOW_LOCAL", "SPECWRIGHT_SECRET_KEY", "GIT_SYNC_DIR"]) saved[k] = process.env[k];
    // a space in the folder's name, as an operator's data folder may have: paths given to git and ssh must hold it
    workRoot = mkdtempSync(path.join(os.tmpdir(), "specwright git-work-"));
    Object.assign(process.env, { GIT_SYNC_ALLOW_LOCAL: "1", SPECWRIGHT_SECRET_KEY: KEY, GIT_SYNC_DIR: workRoot });
    warmParsePool();
    await parsePoolStats();
  });
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(workRoot, { recursive: true, force: true });
  });
}

/** A bare repository for one test, removed after it. */
export function remoteForTest() {
  const remote = makeRemote();
  cleanups.push(() => remote.remove());
  return remote;
}

/** One sync of a connection, as the background job runs it; throws when it recorded an error. */
export async function sync(connectionId: string) {
  const report = await syncConnectionNow(testDb(), connectionId, { pollMs: 60_000, workRoot });
  if (report === "busy" || report === null) {
    const row = await testDb().gitConnection.findUniqueOrThrow({ where: { id: connectionId } });
    throw new Error(`sync did not run: ${report ?? row.lastError}`);
  }
  return report;
}
