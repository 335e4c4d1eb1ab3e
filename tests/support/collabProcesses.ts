import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { TEST_SECRET } from "./collab";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Resolves with the first match of `pattern` in the child's stdout; rejects if it exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = pattern.exec(out);
      if (match) resolve(match);
    });
    child.once("exit", (code) => reject(new Error(`${what} exited (${code}) before it was ready: ${out.slice(-500)}`)));
  });
}

/** A real redis-server on `port`, keeping nothing on disk. */
export async function startRedis(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.env.REDIS_SERVER ?? "/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "inherit"] });
  await waitForOutput(child, /Ready to accept connections/, "redis-server");
  return { url: `redis://127.0.0.1:${port}`, stop: () => stop(child) };
}

export interface CollabNode {
  /** the WebSocket URL editors connect to */
  url: string;
  /** runs one of tests/support/collabNode.ts's server-side steps in this process; resolves with the HTTP status */
  step(name: "change" | "flush" | "remove-member" | "change-role" | "trash", body: unknown): Promise<number>;
  /** the value of a counter or gauge on this process's /metrics, summed over the series that match `labels` (e.g. `by="this process"`) */
  metric(name: string, labels?: string): Promise<number>;
  stop(): Promise<void>;
  /** kill -9: nothing is stored on the way out */
  kill(): Promise<void>;
}

/** One collaboration process (tests/support/collabNode.ts) on the test database. */
export async function startCollabNode(env: { REDIS_URL?: string; STORE_DEBOUNCE_MS?: number; STORE_TURN_MS?: number }): Promise<CollabNode> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("tests", "support", "collabNode.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXTAUTH_SECRET: TEST_SECRET,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      REDIS_URL: env.REDIS_URL ?? "",
      STORE_DEBOUNCE_MS: String(env.STORE_DEBOUNCE_MS ?? 1000),
      STORE_TURN_MS: env.STORE_TURN_MS ? String(env.STORE_TURN_MS) : "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [, port] = await waitForOutput(child, /\{"port":(\d+)\}/, "collaboration process");
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    async step(name, body) {
      const res = await fetch(`${base}/${name}`, { method: "POST", body: JSON.stringify(body) });
      await res.arrayBuffer();
      return res.status;
    },
    async metric(name, labels = "") {
      const text = await (await fetch(`${base}/metrics`)).text();
      return text
        .split("\n")
        .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
        .filter((line) => line.includes(labels))
        .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
    },
    stop: () => stop(child),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}
