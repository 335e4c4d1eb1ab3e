// Memory of the collaboration server under anonymous sockets that send big frames.
// 60 sockets without a session each send an authentication message and then one 4 MB
// frame for the same document. Before the socket gate, Hocuspocus queued every frame after
// the refused authentication for as long as the socket stayed open. Prints the server's
// RSS at rest, at its peak and 5 s after, and how many sockets the server closed.
import { spawn } from "node:child_process";
import path from "node:path";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { REPO_ROOT, rssBytes, stopChild } from "./support/app";
import { mb, onCleanup, printTable, runBench, sleep } from "./support/harness";

const SOCKETS = 60;
const FRAME_BYTES = 4 * 1024 * 1024;

async function startServer(): Promise<{ url: string; pid: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", "support", "collab-server.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  onCleanup("stop collaboration server", () => stopChild(child, "SIGTERM", 10_000));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /\{"port":(\d+)\}/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`collaboration server exited (${code})`)));
  });
  return { url: `ws://127.0.0.1:${port}/collab`, pid: child.pid! };
}

function message(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, "some-document");
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

async function main() {
  const server = await startServer();
  await sleep(1000);
  const atRest = rssBytes(server.pid);
  let peak = atRest;
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(server.pid))), 50);
  const auth = message(2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, "token")));
  // a sync message Hocuspocus would have queued, padded to 4 MB
  const head = message(0, (e) => encoding.writeVarUint(e, 2));
  const frame = Buffer.concat([Buffer.from(head), Buffer.alloc(FRAME_BYTES - head.length, 7)]);
  let closedByServer = 0;
  await Promise.all(
    Array.from({ length: SOCKETS }, async () => {
      const ws = new WebSocket(server.url);
      ws.on("error", () => undefined);
      await new Promise((resolve) => ws.once("open", resolve));
      const closed = new Promise<void>((resolve) => ws.once("close", () => resolve()));
      ws.send(auth);
      ws.send(frame);
      const byServer = await Promise.race([closed.then(() => true), sleep(15_000).then(() => false)]);
      if (byServer) closedByServer += 1;
      else ws.terminate();
    }),
  );
  await sleep(5000);
  clearInterval(sampler);
  const after = rssBytes(server.pid);
  printTable(`${SOCKETS} anonymous sockets × one ${FRAME_BYTES / 1024 / 1024} MB frame each`, [
    { figure: "server RSS at rest", measured: mb(atRest), floor: "—", ratio: "—", budget: "—" },
    { figure: "server RSS peak", measured: mb(peak), floor: mb(atRest), ratio: `+${mb(peak - atRest)}`, budget: "—" },
    { figure: "server RSS 5 s after", measured: mb(after), floor: mb(atRest), ratio: `+${mb(after - atRest)}`, budget: "back near rest" },
    { figure: "sockets closed by the server", measured: String(closedByServer), floor: "—", ratio: "—", budget: `${SOCKETS}` },
  ]);
}

void runBench("anonymous-sockets", main, 120_000);
