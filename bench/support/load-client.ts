// The client side of bench/collab-load.ts, run in its own node process per phase so the
// app phase and the floor phase start from the same clean client (no heap, GC or timer
// left over from the other). Usage: node --import tsx bench/support/load-client.ts <config.json>
// Prints one line `RESULT <json>` on stdout.
import { writeFileSync } from "node:fs";
import * as Y from "yjs";
import { cpuSeconds, rssBytes } from "./app";
import { maxOf, percentile, sleep } from "./harness";
import { allReady, connectEditor, typingTarget, type HeadlessEditor } from "./headless";
import { childMain } from "./childMain";

export interface LoadConfig {
  url: string;
  names: string[];
  cookie: string | null;
  perDoc: number;
  charsPerS: number;
  typingMs: number;
  drainMs: number;
  connectBatch: number;
  /** pid of the server process whose RSS and CPU are sampled */
  serverPid: number;
  /** documents' Yjs states (base64) to seed an empty server with, by name */
  seed?: Record<string, string>;
  /** where to write the documents' states before typing starts (base64, by name) */
  saveStatesTo?: string;
}

export interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
  sent: number;
  expected: number;
  delivered: number;
  rssConnected: number;
  rssPeak: number;
  rssMean: number;
  serverCpu: number;
  clientCpu: number;
  closes: number;
  diverged: number;
  finalLengths: number[];
}

async function connectAll(config: LoadConfig): Promise<HeadlessEditor[][]> {
  const groups: HeadlessEditor[][] = config.names.map(() => []);
  // a seeded (floor) document gets its content from its first editor before the others join
  if (config.seed) {
    const firsts = config.names.map((name, i) => {
      const ydoc = new Y.Doc();
      Y.applyUpdate(ydoc, Buffer.from(config.seed![name]!, "base64"));
      const editor = connectEditor(config.url, name, config.cookie, ydoc);
      groups[i]!.push(editor);
      return editor;
    });
    await allReady(firsts, 30_000);
    await sleep(500);
  }
  const pending: [number, string][] = [];
  config.names.forEach((name, i) => {
    for (let k = groups[i]!.length; k < config.perDoc; k++) pending.push([i, name]);
  });
  for (let b = 0; b < pending.length; b += config.connectBatch) {
    const batch = pending.slice(b, b + config.connectBatch).map(([i, name]) => {
      const editor = connectEditor(config.url, name, config.cookie);
      groups[i]!.push(editor);
      return editor;
    });
    await allReady(batch, 30_000);
  }
  return groups;
}

async function run(config: LoadConfig): Promise<LoadResult> {
  const groups = await connectAll(config);
  await sleep(1000);
  if (config.saveStatesTo) {
    // the documents as they were before anyone typed: the floor starts from the same content
    const states = Object.fromEntries(config.names.map((name, i) => [name, Buffer.from(Y.encodeStateAsUpdate(groups[i]![0]!.ydoc)).toString("base64")]));
    writeFileSync(config.saveStatesTo, JSON.stringify(states));
  }
  const pid = config.serverPid;
  const rssConnected = rssBytes(pid);
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  // every editor times each remote struct it integrates against its sender's clock
  for (const editor of groups.flat()) {
    editor.ydoc.on("afterTransaction", (tr: Y.Transaction) => {
      if (tr.local) return;
      const now = performance.now();
      for (const [client, after] of tr.afterState) {
        for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) {
          const at = sent.get(`${client}:${clock}`);
          if (at !== undefined) {
            latencies.push(now - at);
            delivered++;
          }
        }
      }
    });
  }
  const targets = groups.map((g) => g.map((e) => typingTarget(e.ydoc)));
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssBytes(pid)), 500);
  const cpu0 = cpuSeconds(pid);
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  const stopAt = t0 + config.typingMs;
  const period = 1000 / config.charsPerS;
  const timers = new Set<NodeJS.Timeout>();
  let typed = 0;
  groups.forEach((g, i) =>
    g.forEach((editor, k) => {
      const text = targets[i]![k]!;
      const tick = (self: NodeJS.Timeout | undefined) => {
        if (self) timers.delete(self);
        if (performance.now() >= stopAt) return;
        sent.set(`${editor.ydoc.clientID}:${Y.getState(editor.ydoc.store, editor.ydoc.clientID)}`, performance.now());
        text.insert(text.length, String.fromCharCode(97 + (typed++ % 26)));
        const next: NodeJS.Timeout = setTimeout(() => tick(next), period * (0.8 + 0.4 * Math.random()));
        timers.add(next);
      };
      const first: NodeJS.Timeout = setTimeout(() => tick(first), Math.random() * period);
      timers.add(first);
    }),
  );
  await sleep(config.typingMs);
  const cpu1 = cpuSeconds(pid);
  const client1 = process.cpuUsage(client0);
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  timers.forEach(clearTimeout);
  const expected = sent.size * (config.perDoc - 1);
  const drainUntil = Date.now() + config.drainMs;
  while (delivered < expected && Date.now() < drainUntil) await sleep(100);

  const finalLengths = groups.map((g) => typingTarget(g[0]!.ydoc).length);
  const diverged = groups.filter((g) => new Set(g.map((e) => typingTarget(e.ydoc).toString())).size > 1).length;
  const closes = groups.flat().reduce((n, e) => n + e.closes, 0);
  groups.flat().forEach((e) => e.close());
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: maxOf(latencies),
    samples: latencies.length,
    sent: sent.size,
    expected,
    delivered,
    rssConnected,
    rssPeak: maxOf(samples),
    rssMean: samples.reduce((a, b) => a + b, 0) / samples.length,
    serverCpu: (cpu1 - cpu0) / wall,
    clientCpu: (client1.user + client1.system) / 1e6 / wall,
    closes,
    diverged,
    finalLengths,
  };
}

childMain<LoadConfig, Awaited<ReturnType<typeof run>>>("load client", run, (config) => config.typingMs + config.drainMs + 90_000);
