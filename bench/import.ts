// Markdown import of a 2 MB design document through the running app (POST /api/workspaces/demo/import,
// parsed on the app's worker pool), beside the floor of only parsing the same Markdown in this
// process; and what other people see meanwhile: the app's event-loop delay (monitorEventLoopDelay,
// read from /metrics) and the latency of a small API request, each beside the same figure when idle.
// Run: npx next build (once), then npx tsx bench/import.ts
import { performance } from "node:perf_hooks";
import { deserialize, serialize } from "node:v8";
import { MAX_IMPORT_BYTES } from "../lib/import/inputs";
import { planImport } from "../lib/import/planImport";
import { parseMarkdown } from "../lib/markdown/parse";
import { bigDesignDoc } from "../tests/support/bigDesignDoc";
import { request } from "playwright-core";
import { signIn, startApp, type RunningApp } from "./support/app";
import { median, ms, percentile, printTable, ratio, runBench, sleep, type Row } from "./support/harness";

const LOOP_BUDGET_MS = 50;
const PROBE_EVERY_MS = 100;

interface LoopDelay {
  max: number;
  p99: number;
  mean: number;
}

/** The app's event-loop delay since the previous scrape (prom-client resets its histogram on each one), in ms. */
async function loopDelay(app: RunningApp): Promise<LoopDelay> {
  const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)`, "m").exec(text)?.[1] ?? Number.NaN) * 1000;
  return { max: read("nodejs_eventloop_lag_max_seconds"), p99: read("nodejs_eventloop_lag_p99_seconds"), mean: read("nodejs_eventloop_lag_mean_seconds") };
}

/** Sends the small request every PROBE_EVERY_MS until `until` settles; returns each one's latency. */
async function probe(url: string, cookie: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const samples: number[] = [];
  while (!done) {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`probe ${url}: ${res.status}`);
    samples.push(performance.now() - started);
    await sleep(PROBE_EVERY_MS);
  }
  return samples;
}

void runBench(
  "import",
  async () => {
    const markdown = bigDesignDoc(MAX_IMPORT_BYTES, { exact: true });
    const headings = markdown.match(/^#{2,3} /gm)?.length ?? 0;
    console.log(`document: ${(Buffer.byteLength(markdown) / 1024 / 1024).toFixed(2)} MB, ${headings} headings (sections with tables, code, Mermaid, lists, task lists, quotes)`);

    const app = await startApp();
    const context = await request.newContext();
    await signIn(context, app);
    const cookie = (await context.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    await context.dispose();
    const small = `${app.baseUrl}/api/workspaces/demo/documents`;
    const importUrl = `${app.baseUrl}/api/workspaces/demo/import`;

    // warm up: routes compiled, the parse pool started (a small import), a few probes
    const warm = await fetch(importUrl, { method: "POST", headers: { cookie, "content-type": "text/markdown" }, body: "# Warm-up\n\n## One\n\ntext\n" });
    if (warm.status !== 201) throw new Error(`warm-up import: ${warm.status} ${await warm.text()}`);
    await probe(small, cookie, sleep(1000));

    // idle: the same probes for a few seconds with nothing else going on
    await loopDelay(app);
    const idleSamples = await probe(small, cookie, sleep(5000));
    const idleLoop = await loopDelay(app);

    // the import, with the probes running beside it
    const started = performance.now();
    const imported = fetch(importUrl, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ markdown, fileName: "storage-redesign.md" }) }).then(async (res) => {
      const body = await res.text();
      if (res.status !== 201) throw new Error(`2 MB import: ${res.status} ${body.slice(0, 300)}`);
      return { ms: performance.now() - started, sections: (JSON.parse(body) as { report: { sections: unknown[] } }).report.sections.length };
    });
    const busySamples = await probe(small, cookie, imported.catch(() => undefined));
    const result = await imported.catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\napp log:\n${app.problems.slice(-10).join("\n")}`);
    });
    const busyLoop = await loopDelay(app);
    console.log(`imported: ${result.sections} sections in ${(result.ms / 1000).toFixed(1)} s; ${busySamples.length} small requests answered meanwhile`);

    // floor: parsing the same Markdown only, on this process's thread, after the app went quiet
    await sleep(2000);
    const parseStarted = performance.now();
    parseMarkdown(markdown);
    const parse = performance.now() - parseStarted;
    // parsing grows with the length, not its square: half the document takes about half the time
    const halfStarted = performance.now();
    parseMarkdown(markdown.slice(0, markdown.length / 2));
    const halfParse = performance.now() - halfStarted;

    const met = (value: number) => (value < LOOP_BUDGET_MS ? "(met)" : "(MISSED)");
    const rows: Row[] = [
      { figure: "2 MB import over HTTP (parse and plan on a worker, store)", measured: ms(result.ms), floor: `${ms(parse)} parse only`, ratio: ratio(result.ms, parse), budget: "—" },
      { figure: "parsing the whole 2 MB (floor: its first half)", measured: ms(parse), floor: ms(halfParse), ratio: ratio(parse, halfParse), budget: "≈ 2× (linear)" },
      { figure: "app event-loop delay during the import, max", measured: ms(busyLoop.max), floor: `${ms(idleLoop.max)} idle`, ratio: ratio(busyLoop.max, idleLoop.max), budget: `< ${LOOP_BUDGET_MS} ms ${met(busyLoop.max)}` },
      { figure: "app event-loop delay during the import, p99", measured: ms(busyLoop.p99), floor: `${ms(idleLoop.p99)} idle`, ratio: ratio(busyLoop.p99, idleLoop.p99), budget: "—" },
      { figure: "app event-loop delay during the import, mean", measured: ms(busyLoop.mean), floor: `${ms(idleLoop.mean)} idle`, ratio: ratio(busyLoop.mean, idleLoop.mean), budget: "—" },
      { figure: `GET documents list during the import, median (n=${busySamples.length})`, measured: ms(median(busySamples)), floor: `${ms(median(idleSamples))} idle`, ratio: ratio(median(busySamples), median(idleSamples)), budget: "—" },
      { figure: "GET documents list during the import, p95", measured: ms(percentile(busySamples, 95)), floor: `${ms(percentile(idleSamples, 95))} idle`, ratio: ratio(percentile(busySamples, 95), percentile(idleSamples, 95)), budget: "—" },
      { figure: "GET documents list during the import, max", measured: ms(Math.max(...busySamples)), floor: `${ms(Math.max(...idleSamples))} idle`, ratio: ratio(Math.max(...busySamples), Math.max(...idleSamples)), budget: "—" },
    ];
    printTable("2 MB Markdown import while others use the app (floor: parsing only / the same figure idle)", rows);

    // what runs on the request thread after the worker's parse and plan, each step timed here alone
    const timed = <T>(fn: () => T): [T, number] => {
      const t0 = performance.now();
      const value = fn();
      return [value, performance.now() - t0];
    };
    const [planned, planning] = timed(() =>
      planImport({ markdown, repairMojibake: false, title: null, fileTitle: "storage-redesign", template: null, ownKey: "imported-bench", members: [], creatorId: "bench", now: new Date().toISOString(), write: true }),
    );
    const [bytes] = timed(() => serialize(planned));
    const [, receive] = timed(() => deserialize(bytes));
    const largest = Math.max(...planned.rowChunks.map((chunk) => chunk.length));
    printTable("Request-thread steps after the worker's parse and plan, in this process (floor: the parse)", [
      { figure: "parse, plan, canonical bodies, layout and rows on the worker (planImport)", measured: ms(planning), floor: ms(parse), ratio: ratio(planning, parse), budget: "off the request thread" },
      { figure: `receiving the worker's result (${(bytes.length / 1024 / 1024).toFixed(1)} MB structured clone: rows as ${planned.rowChunks.length} JSON strings of at most ${Math.round(largest / 1024)} K characters, the layout as ${planned.layoutParts?.length ?? 0} parts, each handed to PostgreSQL as it is)`, measured: ms(receive), floor: ms(parse), ratio: ratio(receive, parse), budget: `< ${LOOP_BUDGET_MS} ms ${met(receive)}` },
    ]);
    if (app.problems.length) console.log(`the app logged ${app.problems.length} warnings or errors, e.g.:\n${app.problems.slice(0, 5).join("\n")}`);
  },
  900_000,
);
