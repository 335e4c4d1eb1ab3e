// Collaboration under load: one app process holding 20 documents (60 sections each, from
// the largest seed template) × 10 headless editors each (HocuspocusProviders sending the
// demo user's session cookie), every editor typing ~5 characters/s at the end of the first
// text of its document for ~20 s. Sync latency = from one editor's insert until each other
// editor of the same document has integrated it (clients in one process, performance.now()).
// RSS = VmRSS of the app's node process at rest, with all editors connected, and while
// typing (sampled every 0.5 s). Floor: the same documents (same Yjs state) and the same
// load against a bare `new Hocuspocus()` in its own child process. Each phase's editors run
// in a fresh client process (bench/support/load-client.ts), so neither inherits the other's heap.
//   npx tsx bench/collab-load.ts
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { request } from "playwright-core";
import * as Y from "yjs";
import { createSizedDocument, descendants, REPO_ROOT, rssBytes, sessionCookie, signIn, startApp, stopChild } from "./support/app";
import { mb, ms, onCleanup, printTable, ratio, runBench, sleep, type Row } from "./support/harness";
import { startBareHocuspocus, typingTarget } from "./support/headless";
import type { LoadConfig, LoadResult } from "./support/load-client";

const DOCS = 20;
const PER_DOC = 10;
const CHARS_PER_S = 5;
const TYPING_MS = 20_000;
const DRAIN_MS = 5_000;

async function runClient(config: LoadConfig, dir: string, label: string): Promise<LoadResult> {
  const file = path.join(dir, `${label}.json`);
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", "support", "load-client.ts"), file], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  onCleanup(`stop ${label} load client`, () => stopChild(child, "SIGTERM", 5_000));
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  const line = out.split("\n").find((l) => l.startsWith("RESULT "));
  if (code !== 0 || !line) throw new Error(`${label} load client exited with ${code}:\n${out.slice(-2000)}`);
  return JSON.parse(line.slice("RESULT ".length)) as LoadResult;
}

await runBench("collab-load", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "specwright-load-"));
  onCleanup("remove load temp dir", () => rmSync(dir, { recursive: true, force: true }));
  const app = await startApp();
  const api = await request.newContext();
  onCleanup("dispose API client", () => api.dispose());
  await signIn(api, app);
  const ids: string[] = [];
  for (let i = 0; i < DOCS; i++) ids.push(await createSizedDocument(api, app, `Load ${i + 1}`));
  const cookie = await sessionCookie(app);
  const kids = descendants(app.pid).map((p) => `${p} ${readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0").join(" ").slice(0, 80)} (${mb(rssBytes(p))})`);
  console.log(`app node process ${app.pid}; its child processes: ${kids.length ? kids.join("; ") : "none"}`);
  await sleep(1000);
  const appIdle = rssBytes(app.pid);

  const common = { names: ids, perDoc: PER_DOC, charsPerS: CHARS_PER_S, typingMs: TYPING_MS, drainMs: DRAIN_MS, connectBatch: 20 };
  const statesFile = path.join(dir, "states.json");
  console.log(`app: ${DOCS}×${PER_DOC} editors connect, then type for ${TYPING_MS / 1000} s…`);
  const appStats = await runClient({ ...common, url: app.wsUrl, cookie, serverPid: app.pid, saveStatesTo: statesFile }, dir, "app");

  // what reached PostgreSQL: each document's stored Yjs state holds every insert, once the app has stored it
  let stored = 0;
  const storeDeadline = Date.now() + 20_000;
  while (Date.now() < storeDeadline) {
    const { rows } = await app.db.query<{ id: string; y: Buffer | null }>(`SELECT id, "yState" AS y FROM "Document" WHERE id = ANY($1)`, [ids]);
    stored = rows.filter((r) => {
      if (!r.y) return false;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(r.y));
      return typingTarget(doc).length === appStats.finalLengths[ids.indexOf(r.id)];
    }).length;
    if (stored === DOCS) break;
    await sleep(500);
  }
  await app.stop();

  const bare = await startBareHocuspocus();
  await sleep(1000);
  const bareIdle = rssBytes(bare.pid);
  const seed = JSON.parse(readFileSync(statesFile, "utf8")) as Record<string, string>;
  console.log(`floor: the same documents seeded into a bare Hocuspocus, ${DOCS}×${PER_DOC} editors type for ${TYPING_MS / 1000} s…`);
  const bareStats = await runClient({ ...common, url: bare.url, cookie: null, serverPid: bare.pid, seed }, dir, "floor");
  await bare.stop();

  const row = (figure: string, a: number, b: number, fmt: (x: number) => string, budget = "—"): Row => ({ figure, measured: fmt(a), floor: fmt(b), ratio: ratio(a, b), budget });
  const n = (x: number) => String(x);
  const cpu = (x: number) => x.toFixed(2);
  printTable(`Collaboration load: ${DOCS} documents × ${PER_DOC} headless editors, ~${CHARS_PER_S} chars/s each for ${TYPING_MS / 1000} s (floor: bare Hocuspocus in its own process, same documents and load)`, [
    row("sync latency p50", appStats.p50, bareStats.p50, ms),
    row("sync latency p95", appStats.p95, bareStats.p95, ms, `none set (keystroke budget p95 < 100 ms: ${appStats.p95 < 100 ? "met" : "MISSED"})`),
    row("sync latency p99", appStats.p99, bareStats.p99, ms),
    row("sync latency max", appStats.max, bareStats.max, ms),
    row("inserts sent", appStats.sent, bareStats.sent, n),
    row("typing rate per editor (chars/s)", appStats.sent / (DOCS * PER_DOC) / (TYPING_MS / 1000), bareStats.sent / (DOCS * PER_DOC) / (TYPING_MS / 1000), (x) => x.toFixed(2), `~${CHARS_PER_S}`),
    { figure: "deliveries seen / expected (5 s drain)", measured: `${appStats.delivered} / ${appStats.expected}`, floor: `${bareStats.delivered} / ${bareStats.expected}`, ratio: "—", budget: "all" },
    row("server RSS at rest (documents created, no editors)", appIdle, bareIdle, mb, "none set"),
    row(`server RSS, ${DOCS * PER_DOC} editors connected`, appStats.rssConnected, bareStats.rssConnected, mb, "none set"),
    row("server RSS while typing, peak", appStats.rssPeak, bareStats.rssPeak, mb, "none set"),
    row("server RSS while typing, mean", appStats.rssMean, bareStats.rssMean, mb, "none set"),
    row("server CPU while typing (1.00 = one core)", appStats.serverCpu, bareStats.serverCpu, cpu),
    { figure: "client process CPU while typing", measured: cpu(appStats.clientCpu), floor: cpu(bareStats.clientCpu), ratio: "—", budget: "—" },
  ]);
  console.log(`app: socket closes ${appStats.closes}; documents whose editors disagree at the end ${appStats.diverged}; documents stored in PostgreSQL with every insert ${stored}/${DOCS}`);
  console.log(`floor: socket closes ${bareStats.closes}; documents whose editors disagree at the end ${bareStats.diverged}`);
  if (app.problems.length) console.log(`app warnings/errors (${app.problems.length}):\n  ${[...new Set(app.problems)].slice(0, 10).join("\n  ")}`);
});
