// The editors of bench/cluster.ts, in their own node process: `perDoc` headless editors on
// each document, editor k of document d connected to app process (d + k) mod N, all typing
// at the end of the document's first text. Each insert is timed until every other editor
// of the document has integrated it, and the sample is filed under "same process" or
// "other process" (receiver's process against sender's). Prints `TYPING start` and
// `TYPING end` around the typing, then one line `RESULT <json>`.
//   node --import tsx bench/support/cluster-client.ts <config.json>
import { monitorEventLoopDelay } from "node:perf_hooks";
import * as Y from "yjs";
import { percentile, sleep } from "./harness";
import { allReady, connectEditor, typingTarget, type HeadlessEditor } from "./headless";
import { childMain } from "./childMain";

export interface ClusterLoadConfig {
  /** one collaboration URL per app process */
  urls: string[];
  names: string[];
  cookie: string;
  perDoc: number;
  /** every editor of a document on one process, as the balancer's hash by document places them */
  byDocument?: boolean;
  charsPerS: number;
  typingMs: number;
  drainMs: number;
}

export interface ClusterLoadResult {
  same: { p50: number; p95: number; samples: number };
  other: { p50: number; p95: number; samples: number };
  /** latency by the second of the typing the insert was sent in */
  seconds: { n: number; p95: number; max: number }[];
  sent: number;
  expected: number;
  delivered: number;
  /** per document: length of the typing target before and after */
  initialLengths: number[];
  finalLengths: number[];
  diverged: number;
  closes: number;
  /** this process while typing: CPU time over wall time (1 = one core busy), event-loop delay p99 and max */
  client: { cpu: number; loopP99: number; loopMax: number };
}

interface Placed {
  editor: HeadlessEditor;
  process: number;
}

function bySecond(timeline: [number, number][]): ClusterLoadResult["seconds"] {
  const buckets: number[][] = [];
  for (const [at, latency] of timeline) (buckets[Math.floor(at / 1000)] ??= []).push(latency);
  return Array.from(buckets, (b = []) => ({ n: b.length, p95: percentile(b, 95), max: b.length ? Math.max(...b) : Number.NaN }));
}

async function run(config: ClusterLoadConfig): Promise<ClusterLoadResult> {
  const groups: Placed[][] = config.names.map(() => []);
  for (let k = 0; k < config.perDoc; k++) {
    const batch = config.names.map((name, d) => {
      const process = config.byDocument ? d % config.urls.length : (d + k) % config.urls.length;
      // one socket per document, named in its URL, as the browser's editor opens it
      const url = `${config.urls[process]!}?doc=${encodeURIComponent(name)}`;
      const placed = { editor: connectEditor(url, name, config.cookie), process };
      groups[d]!.push(placed);
      return placed.editor;
    });
    await allReady(batch, 60_000);
  }
  await sleep(1000);
  const initialLengths = groups.map((g) => typingTarget(g[0]!.editor.ydoc).length);
  // sender's process and send time, by Yjs item id
  const sent = new Map<string, { at: number; process: number }>();
  const same: number[] = [];
  const other: number[] = [];
  // [sent at, from the start of the typing; latency], for BENCH_TIMELINE
  const timeline: [number, number][] = [];
  let typingFrom = performance.now();
  for (const { editor, process } of groups.flat()) {
    editor.ydoc.on("afterTransaction", (tr: Y.Transaction) => {
      if (tr.local) return;
      const now = performance.now();
      for (const [client, after] of tr.afterState) {
        for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) {
          const from = sent.get(`${client}:${clock}`);
          if (!from) continue;
          (from.process === process ? same : other).push(now - from.at);
          timeline.push([from.at - typingFrom, now - from.at]);
        }
      }
    });
  }
  const timers = new Set<NodeJS.Timeout>();
  const period = 1000 / config.charsPerS;
  console.log("TYPING start");
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  typingFrom = wallBefore;
  const stopAt = performance.now() + config.typingMs;
  let typed = 0;
  for (const g of groups) {
    for (const { editor, process } of g) {
      const text = typingTarget(editor.ydoc);
      const tick = (self: NodeJS.Timeout | undefined) => {
        if (self) timers.delete(self);
        if (performance.now() >= stopAt) return;
        sent.set(`${editor.ydoc.clientID}:${Y.getState(editor.ydoc.store, editor.ydoc.clientID)}`, { at: performance.now(), process });
        text.insert(text.length, String.fromCharCode(97 + (typed++ % 26)));
        const next: NodeJS.Timeout = setTimeout(() => tick(next), period * (0.8 + 0.4 * Math.random()));
        timers.add(next);
      };
      const first: NodeJS.Timeout = setTimeout(() => tick(first), Math.random() * period);
      timers.add(first);
    }
  }
  await sleep(config.typingMs);
  timers.forEach(clearTimeout);
  loop.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const client = { cpu: (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore), loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
  console.log("TYPING end");
  const expected = sent.size * (config.perDoc - 1);
  const drainUntil = Date.now() + config.drainMs;
  while (same.length + other.length < expected && Date.now() < drainUntil) await sleep(100);
  const result: ClusterLoadResult = {
    same: { p50: percentile(same, 50), p95: percentile(same, 95), samples: same.length },
    other: { p50: percentile(other, 50), p95: percentile(other, 95), samples: other.length },
    sent: sent.size,
    expected,
    delivered: same.length + other.length,
    initialLengths,
    finalLengths: groups.map((g) => typingTarget(g[0]!.editor.ydoc).length),
    diverged: groups.filter((g) => new Set(g.map((p) => typingTarget(p.editor.ydoc).toString())).size > 1).length,
    closes: groups.flat().reduce((n, p) => n + p.editor.closes, 0),
    client,
    seconds: bySecond(timeline),
  };
  groups.flat().forEach((p) => p.editor.close());
  return result;
}

childMain<ClusterLoadConfig, Awaited<ReturnType<typeof run>>>("cluster client", run, (config) => config.typingMs + config.drainMs + 180_000);
