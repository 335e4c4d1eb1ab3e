// Starts the whole app the way `npm start` does (scripts/start.ts), but on its own
// PostgreSQL that this process starts first, so a bench also has direct SQL access.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import type { APIRequestContext } from "playwright-core";
import { buildDocumentState } from "../../lib/collab/persistence";
import { createDb, type Db } from "../../lib/db";
import { freePort, startEmbeddedPostgres } from "../../lib/db/embedded";
import { ensureDatabase } from "../../lib/db/ensureDatabase";
import { buildIsStale } from "../../scripts/build-if-stale";
import { onCleanup, sleep } from "./harness";

export const DEMO_EMAIL = "demo@specwright.local";
export const DEMO_PASSWORD = "specwright-demo";
export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface RunningApp {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  wsUrl: string;
  /** pid of the node process serving the app (RSS is read from it) */
  pid: number;
  db: pg.Client;
  /** the app's database, for the app's own functions a bench calls */
  databaseUrl: string;
  secret: string;
  demoUserId: string;
  /** warnings and errors the app logged (JSON log lines, level >= 40), and stderr noise */
  problems: string[];
  stop(): Promise<void>;
}

/** True while someone runs `next build` on this machine (it replaces .next under a running app). */
function buildRunning(): boolean {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (cmd.some((a) => /(^|\/)next$/.test(a)) && cmd.includes("build")) return true;
    } catch {
      // the process ended meanwhile
    }
  }
  return false;
}

/**
 * Fails early when there is no production build; warns when it is older than the sources;
 * waits (up to a minute) for a `next build` someone else is running to finish.
 */
export async function checkBuild(): Promise<void> {
  process.chdir(REPO_ROOT);
  for (let i = 0; i < 60 && buildRunning(); i++) {
    if (i === 0) console.log("waiting for a running `next build` to finish…");
    await sleep(1000);
  }
  const buildId = path.join(REPO_ROOT, ".next", "BUILD_ID");
  const before = existsSync(buildId) ? `${readFileSync(buildId, "utf8")}@${statSync(buildId).mtimeMs}` : "none";
  // .next is shared: someone else's `next build` during a run breaks the pages the app serves
  onCleanup("check the build did not change", () => {
    const after = existsSync(buildId) ? `${readFileSync(buildId, "utf8")}@${statSync(buildId).mtimeMs}` : "none";
    if (after !== before) console.warn("WARNING: .next was rebuilt (or removed) during this run — pages served meanwhile may have been broken; the figures are not valid, run again.");
  });
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (bench never builds, other people share .next).");
  }
  if (buildIsStale()) {
    console.warn("note: .next is older than some sources — measuring the existing build (run `npx next build` to refresh).");
  }
}

/** Waits for a child to exit; SIGKILLs it after `graceMs`. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  const killed = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (killed) {
    console.error(`process ${child.pid} did not exit ${graceMs} ms after ${signal}; killing it`);
    child.kill("SIGKILL");
    await exited;
  }
}

export async function startApp(): Promise<RunningApp> {
  await checkBuild();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "specwright-bench-"));
  onCleanup("remove temp dir", () => rmSync(dataDir, { recursive: true, force: true }));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
  onCleanup("stop PostgreSQL", () => postgres.stop());
  const databaseUrl = await ensureDatabase(postgres.url, "specwright");
  const port = await freePort();
  const secret = randomBytes(32).toString("base64url");
  const baseUrl = `http://127.0.0.1:${port}`;

  // BENCH_APP_NODE_ARGS: extra Node flags for the app, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see what its threads ran
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/start.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      SPECWRIGHT_DATA_DIR: dataDir,
      SPECWRIGHT_SKIP_BUILD: "1",
      SPECWRIGHT_DEMO: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: baseUrl,
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onCleanup("stop the app", () => stopChild(child, "SIGTERM", 30_000));
  const problems: string[] = [];
  const tail: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const level = /"level":(\d+)/.exec(line);
      if (level ? Number(level[1]) >= 40 : /error|warn/i.test(line)) problems.push(line.slice(0, 400));
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) while starting:\n${tail.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`the app was not ready within 120 s:\n${tail.join("\n")}`);
    const ok = await fetch(`${baseUrl}/api/ready`).then((r) => r.status === 200, () => false);
    if (ok) break;
    await sleep(250);
  }

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  onCleanup("close SQL client", () => db.end());
  const user = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO_EMAIL]);
  const demoUserId = user.rows[0]?.id;
  if (!demoUserId) throw new Error("the demo user was not seeded");

  return {
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    pid: child.pid!,
    db,
    databaseUrl,
    secret,
    demoUserId,
    problems,
    stop: () => stopChild(child, "SIGTERM", 30_000),
  };
}

/** The next-auth session cookie value a signed-in browser sends (JWT strategy). */
export async function sessionCookie(app: RunningApp): Promise<string> {
  const token = await encode({ token: { sub: app.demoUserId, email: DEMO_EMAIL, name: "Demo User" }, secret: app.secret });
  return `next-auth.session-token=${token}`;
}

/** Signs in as the demo user through the credentials endpoint; the request context keeps the cookie. */
export async function signIn(request: APIRequestContext, app: RunningApp): Promise<void> {
  const { csrfToken } = (await (await request.get(`${app.baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  await request.post(`${app.baseUrl}/api/auth/callback/credentials`, {
    form: { email: DEMO_EMAIL, password: DEMO_PASSWORD, csrfToken, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  const session = (await (await request.get(`${app.baseUrl}/api/auth/session`)).json()) as { user?: { email?: string } };
  if (session.user?.email !== DEMO_EMAIL) throw new Error(`sign-in failed: session is ${JSON.stringify(session)}`);
}

interface TemplateDto {
  id: string;
  key: string;
}

/** Creates a document from the template with `templateKey`; returns its id. */
export async function createDocument(request: APIRequestContext, app: RunningApp, templateKey: string, title: string): Promise<string> {
  const res = await request.get(`${app.baseUrl}/api/workspaces/demo/templates`);
  const templates = (await res.json()) as TemplateDto[];
  const template = templates.find((t) => t.key === templateKey);
  if (!template) throw new Error(`no template ${templateKey} among ${templates.map((t) => t.key).join(", ")}`);
  const created = await request.post(`${app.baseUrl}/api/workspaces/demo/documents`, { data: { templateId: template.id, title } });
  if (created.status() !== 201 && created.status() !== 200) throw new Error(`creating a document: ${created.status()} ${await created.text()}`);
  return ((await created.json()) as { id: string }).id;
}

/**
 * A document with exactly `count` sections from the largest seed template: created through
 * the API, then its Section rows past `count` deleted (or more added) before anyone opens it,
 * and its live Yjs state built from them as creating it builds it.
 */
export async function createSizedDocument(request: APIRequestContext, app: RunningApp, title: string, count = 60): Promise<string> {
  const id = await createDocument(request, app, "software-design-document", title);
  await app.db.query(`DELETE FROM "Section" WHERE "documentId" = $1 AND position >= $2`, [id, count]);
  // more sections than the template has (101): its sections again, in order, as sections of the document's own (keys "<key>-<round>")
  for (let round = 2; ; round++) {
    const { rows: have } = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Section" WHERE "documentId" = $1`, [id]);
    const n = have[0]?.n ?? 0;
    if (n >= count) break;
    await app.db.query(
      `INSERT INTO "Section" ("id", "documentId", "key", "title", "depth", "position", "fields", "body", "text", "updatedAt")
       SELECT 'c' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24), "documentId", "key" || '-' || $3::text, "title", "depth", $2::int + "position", '{}', "body", "text", now()
       FROM "Section" WHERE "documentId" = $1 AND "key" NOT LIKE '%-%' AND $2::int + "position" < $4::int`,
      [id, n, String(round), count],
    );
  }
  const { rows } = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Section" WHERE "documentId" = $1`, [id]);
  if (rows[0]?.n !== count) throw new Error(`document ${id} has ${rows[0]?.n} sections, wanted ${count}`);
  // the live state creating it built holds the template's sections: built again from these
  // rows, as creating a document of this size would have built it
  await app.db.query(`UPDATE "Document" SET "yState" = NULL WHERE "id" = $1`, [id]);
  await buildDocumentState(prismaFor(app), id);
  return id;
}

const clients = new Map<string, Db>();

/** One client of the app's own database layer per app, closed with the bench. */
function prismaFor(app: RunningApp): Db {
  let db = clients.get(app.databaseUrl);
  if (!db) {
    const made = createDb(app.databaseUrl);
    clients.set(app.databaseUrl, made);
    onCleanup("close the database client", () => made.$disconnect());
    db = made;
  }
  return db;
}

/** CPU time a process has used so far (user + system, at USER_HZ = 100), in seconds; NaN when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Resident set size of a process in bytes (VmRSS), NaN when it is gone. */
export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return kb ? Number(kb[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** pids of all descendants of `pid` (from /proc/<n>/stat), for apps that fork workers. */
export function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    for (const [child, pp] of parent) {
      if (pp !== p) continue;
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}
