// What one app process costs to start: time until /api/ready answers, the CPU it spent by then
// and its memory (RSS) once ready, each beside a floor measured in the same run: a bare Node
// HTTP server started the same way (`node --import tsx`). On a migrated database, as every
// start after the first (BENCH_STARTS, default 3; the median is printed).
//   npx tsx bench/app-start.ts
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkBuild, REPO_ROOT, stopChild } from "./support/app";
import { median, mb, ms, onCleanup, printTable, ratio, runBench, sleep } from "./support/harness";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { ensureDatabase } from "../lib/db/ensureDatabase";
import { migrateDatabase } from "../lib/db/prismaCli";

const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const TICKS_PER_SECOND = 100;

interface Start {
  readyMs: number;
  cpuMs: number;
  rssBytes: number;
}

/** User + system CPU time of a live process, from /proc. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))!;
  return Number(line.replace(/\D+/g, "")) * 1024;
}

async function timeStart(args: string[], env: NodeJS.ProcessEnv, port: number): Promise<Start> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode} before it was ready`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false);
      if (ok) break;
      await sleep(20);
    }
    const readyMs = performance.now() - started;
    const cpu = cpuMs(child.pid!);
    // memory once the start's own work has settled
    await sleep(2000);
    return { readyMs, cpuMs: cpu, rssBytes: rssBytes(child.pid!) };
  } finally {
    await stopChild(child, "SIGTERM", 30_000);
  }
}

await runBench(
  "app-start",
  async () => {
    await checkBuild();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "specwright-bench-start-"));
    onCleanup("remove temp dir", () => rmSync(dataDir, { recursive: true, force: true }));
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    onCleanup("stop PostgreSQL", () => postgres.stop());
    const databaseUrl = await ensureDatabase(postgres.url, "specwright");
    await migrateDatabase(databaseUrl);
    const secret = randomBytes(32).toString("base64url");

    // the floor: a bare HTTP server, started the same way
    const bare = path.join(dataDir, "bare.ts");
    writeFileSync(bare, `import http from "node:http";\nhttp.createServer((req, res) => res.end("ok")).listen(Number(process.env.PORT), "127.0.0.1");\n`);

    const app: Start[] = [];
    const floor: Start[] = [];
    for (let i = 0; i < STARTS; i++) {
      const port = await freePort();
      const env = { ...process.env, NODE_ENV: "production" as const, PORT: String(port), SPECWRIGHT_DATA_DIR: dataDir, SPECWRIGHT_SKIP_BUILD: "1", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" };
      app.push(await timeStart(["--import", "tsx", "scripts/start.ts"], env, port));
      const barePort = await freePort();
      floor.push(await timeStart(["--import", "tsx", bare], { ...process.env, PORT: String(barePort) }, barePort));
      console.log(`  start ${i + 1}: ready ${ms(app[i]!.readyMs)} (bare ${ms(floor[i]!.readyMs)}), CPU ${ms(app[i]!.cpuMs)}, RSS ${mb(app[i]!.rssBytes)}`);
    }
    const row = (figure: string, pick: (s: Start) => number, show: (v: number) => string) => {
      const measured = median(app.map(pick));
      const base = median(floor.map(pick));
      return { figure: `${figure} [${app.map((s) => show(pick(s))).join(" / ")}]`, measured: show(measured), floor: show(base), ratio: ratio(measured, base), budget: "—" };
    };
    printTable(`One app process starting on a migrated database (npm start's server, production build), median of ${STARTS}`, [
      row("until /api/ready answers", (s) => s.readyMs, ms),
      row("CPU spent by then (user + system)", (s) => s.cpuMs, ms),
      row("memory once ready (RSS, 2 s later)", (s) => s.rssBytes, mb),
    ]);
  },
  300_000,
);
