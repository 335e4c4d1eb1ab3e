// Where the document page's first paint goes (bench/editor-load.ts's "all content painted"),
// at 60 sections by default (BENCH_SECTIONS=60,200). The page's own HTML, taken from the app,
// is served again by a tiny static server with parts of it taken out, each load in a fresh
// browser context (no HTTP cache), the page's script files refused (the inline ones run unless
// taken out). Each variant's first contentful paint as presented, median of RUNS, loads
// interleaved so a busy moment of the machine falls on all of them:
//  - as served by the app (its server's time to the first byte included);
//  - the same HTML served statically: what the server's time costs is the difference;
//  - without its inline scripts (the data for the page's code, the input holder);
//  - that without the review panel, without the outline, without both, without the sections
//    (the page's frame alone), and without its stylesheet (each from the one without scripts);
//  - floor: the sections' titles and text as plain HTML (no styles, no scripts).
// Each row is printed beside the floor of the same run, with the ratio, against the 300 ms goal.
//   npx tsx bench/paint-breakdown.ts
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium";
import { createSizedDocument, signIn, startApp, type RunningApp } from "./support/app";
import { floorHtml, servePages } from "./support/floor";
import { median, ms, printTable, ratio, runBench, type Row } from "./support/harness";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZES = (process.env.BENCH_SECTIONS ?? "60").split(",").map(Number);
const BUDGET_PAINT_MS = 300;
const VIEWPORT = { width: 1280, height: 900 };

type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["storageState"]>>;

const withoutInlineScripts = (html: string) => html.replace(/<script\b(?![^>]*\bsrc=)[\s\S]*?<\/script>/g, "");
const withoutPanel = (html: string) => html.replace(/<aside[\s\S]*?<\/aside>/g, "");
const withoutOutline = (html: string) => html.replace(/<nav aria-label="Outline"[\s\S]*?<\/nav>/g, "");
const withoutSections = (html: string) => html.replace(/<section\b[^>]*data-section-key[\s\S]*?<\/section>/g, "");
const withoutStylesheet = (html: string) => html.replace(/<link rel="stylesheet"[^>]*>/g, "");

/** First contentful paint as presented, and the response's first byte, in a fresh context; script files refused unless `scripts`. */
async function paintOf(browser: Browser, storageState: StorageState, url: string, scripts: boolean): Promise<{ fcp: number; firstByte: number }> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, storageState });
  try {
    const page = await ctx.newPage();
    if (!scripts) await page.route("**/_next/static/chunks/*.js", (route) => route.abort());
    await page.goto(url);
    return await page.evaluate(
      () =>
        new Promise<{ fcp: number; firstByte: number }>((resolve) =>
          new PerformanceObserver((list) => {
            const paint = list.getEntriesByName("first-contentful-paint")[0];
            const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
            if (paint) resolve({ fcp: paint.startTime, firstByte: nav.responseStart });
          }).observe({ type: "paint", buffered: true }),
        ),
    );
  } finally {
    await ctx.close();
  }
}

async function measure(app: RunningApp, browser: Browser, storageState: StorageState, size: number): Promise<void> {
  const signer = await browser.newContext({ storageState });
  const docs: string[] = [];
  for (let i = 0; i <= RUNS; i++) docs.push(await createSizedDocument(signer.request, app, `Paint breakdown ${i + 1}`, size));
  const html = await (await signer.request.get(`${app.baseUrl}/w/demo/d/${docs[0]}`)).text();
  const cssHref = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  const css = cssHref ? await (await signer.request.get(`${app.baseUrl}${cssHref}`)).body() : null;
  await signer.close();
  const bare = withoutInlineScripts(html);
  const variants: [string, string][] = [
    ["the same HTML, served statically", html],
    ["  without its inline scripts (A)", bare],
    ["    A without the review panel", withoutPanel(bare)],
    ["    A without the outline", withoutOutline(bare)],
    ["    A without the review panel and the outline", withoutPanel(withoutOutline(bare))],
    ["    A without the sections (the page's frame alone)", withoutSections(bare)],
    ["    A without its stylesheet", withoutStylesheet(bare)],
    ["floor: the sections' titles and text, plain HTML", (await floorHtml(app, docs[0]!)).html],
  ];
  const base = await servePages(Object.fromEntries(variants.map(([, body], i) => [`/${i}`, body])), (path) => (css && path === cssHref ? { type: "text/css", body: css } : null));
  const served: number[] = [];
  const firstByte: number[] = [];
  const painted = variants.map(() => [] as number[]);
  // the first round warms the browser and the server's code paths up
  for (let i = 0; i <= RUNS; i++) {
    const live = await paintOf(browser, storageState, `${app.baseUrl}/w/demo/d/${docs[i]}`, true);
    if (i > 0) {
      served.push(live.fcp);
      firstByte.push(live.firstByte);
    }
    for (const [v] of variants.entries()) {
      const { fcp } = await paintOf(browser, storageState, `${base}/${v}`, false);
      if (i > 0) painted[v]!.push(fcp);
    }
  }
  const floor = median(painted[variants.length - 1]!);
  const row = (figure: string, samples: number[]): Row => {
    const m = median(samples);
    return { figure: `${figure} [${samples.map((s) => s.toFixed(0)).join(", ")}]`, measured: ms(m), floor: ms(floor), ratio: ratio(m, floor), budget: `< ${BUDGET_PAINT_MS} ms ${m < BUDGET_PAINT_MS ? "(met)" : "(MISSED)"}` };
  };
  printTable(`First paint of a ${size}-section document page and of its HTML with parts taken out (first contentful paint as presented, median of ${RUNS}; the HTML is ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`, [
    row("the page as the app serves it", served),
    { figure: `  its first byte [${firstByte.map((s) => s.toFixed(0)).join(", ")}]`, measured: ms(median(firstByte)), floor: "", ratio: "", budget: "" },
    ...variants.map(([figure], v) => row(figure, painted[v]!)),
  ]);
}

await runBench(
  "paint-breakdown",
  async () => {
    const app = await startApp();
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const signer = await browser.newContext();
    await signIn(signer.request, app);
    const storageState = await signer.storageState();
    await signer.close();
    for (const size of SIZES) await measure(app, browser, storageState, size);
    await browser.close();
  },
  600_000,
);
