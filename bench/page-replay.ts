// The browser's share of a document page's load, without the server's: a sized document's
// page (BENCH_SECTIONS=60,200 by default), as the app served it to the demo user, is saved and
// served again from a local server with the app's built scripts and styles (its API calls
// and socket find nothing there), and loaded in headless Chromium in fresh contexts, in turns:
//  - as served to a browser (the page's first frame waits for the whole document: <link
//    rel="expect">; its chunk scripts are fetched once that frame is drawn, server/deferScripts.ts);
//  - with its chunk scripts where Next.js puts them (async, in the head: fetched and run while
//    the browser reads the sections), as the app served it before;
//  - without rel="expect" (the browser draws the page as pieces of HTML arrive);
//  - without any script (what parsing, styling and laying out the HTML alone costs).
// Timed: "all content in the page", as bench/editor-load.ts times it (every section's card in
// the page with its text, checked at the start of each frame), ms from navigation start.
// Floor: the same sections as plain HTML (bench/support/floor.ts), timed the same way.
//   npx tsx bench/page-replay.ts
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium";
import { createSizedDocument, REPO_ROOT, signIn, startApp } from "./support/app";
import { floorHtml, servePages } from "./support/floor";
import { kb, median, ms, onCleanup, printTable, ratio, runBench } from "./support/harness";

const RUNS = 8;
const SIZES = (process.env.BENCH_SECTIONS ?? "60,200").split(",").map(Number);
const BUDGET_PAINT_MS = 300;
const VIEWPORT = { width: 1280, height: 900 };

/** Runs in the page before its scripts: the frame time at which `count` cards matching `selector` all hold text. */
function probe(selector: string, count: number): string {
  return `(() => { window.__content = -1; const frame = (t) => { const cards = document.querySelectorAll(${JSON.stringify(selector)});
    if (cards.length >= ${count} && [...cards].every((c) => (c.textContent || "").trim().length > 0)) { window.__content = t; return; }
    if (t < 20000) requestAnimationFrame(frame); }; requestAnimationFrame(frame); })();`;
}

async function contentAt(browser: Browser, url: string, selector: string, count: number): Promise<number> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  await ctx.addInitScript({ content: probe(selector, count) });
  const page = await ctx.newPage();
  await page.goto(url);
  const at = await page
    .waitForFunction(() => {
      const at = (window as unknown as { __content: number }).__content;
      return at >= 0 ? { at } : null;
    }, null, { timeout: 20_000 })
    .then(async (handle) => ((await handle.jsonValue()) as { at: number }).at)
    .catch(() => Number.NaN);
  await ctx.close();
  return at;
}

/** The app's built files under /_next/static, as the app serves them. */
function builtFile(urlPath: string): { type: string; body: Buffer } | null {
  if (!urlPath.startsWith("/_next/static/") || urlPath.includes("..")) return null;
  try {
    const body = readFileSync(path.join(REPO_ROOT, ".next", urlPath.slice("/_next".length)));
    return { type: urlPath.endsWith(".css") ? "text/css" : "application/javascript", body };
  } catch {
    return null;
  }
}

await runBench("page-replay", async () => {
  const app = await startApp();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  onCleanup("close Chromium", () => browser.close());
  const signer = await browser.newContext();
  await signIn(signer.request, app);
  for (const size of SIZES) {
    const id = await createSizedDocument(signer.request, app, `Replay ${size}`, size);
    // a browser asks for HTML: the server then moves the page's scripts after its first frame
    const served = await (await signer.request.get(`${app.baseUrl}/w/demo/d/${id}`, { headers: { accept: "text/html" } })).text();
    const scriptsInHead = await (await signer.request.get(`${app.baseUrl}/w/demo/d/${id}`, { headers: { accept: "*/*" } })).text();
    if (!served.includes("self.specwrightScripts")) throw new Error("the page as served has its scripts in the head: is .next older than the server?");
    if (!served.includes('rel="expect"')) throw new Error("the page has no <link rel=\"expect\">: is .next older than the page?");
    const floor = await floorHtml(app, id);
    const pages = {
      "/served": served,
      "/drawn-as-it-arrives": served.replace(/<link rel="expect"[^>]*>/, ""),
      "/scripts-in-head": scriptsInHead,
      "/no-scripts": served.replace(/<script[^>]*>[\s\S]*?<\/script>/g, ""),
      "/floor": floor.html,
    };
    const base = await servePages(pages, builtFile);
    const times: Record<keyof typeof pages, number[]> = { "/served": [], "/drawn-as-it-arrives": [], "/scripts-in-head": [], "/no-scripts": [], "/floor": [] };
    // in turns, so the machine's load falls on every variant alike; the first round warms up
    for (let i = 0; i <= RUNS; i++) {
      for (const variant of Object.keys(pages) as (keyof typeof pages)[]) {
        const at = await contentAt(browser, `${base}${variant}`, variant === "/floor" ? "main > section" : 'section[id^="section-"]', size);
        if (i > 0) times[variant].push(at);
      }
    }
    const fl = median(times["/floor"]);
    const row = (figure: string, xs: number[], budget = "—") => ({ figure: `${figure} [${xs.map((x) => x.toFixed(0)).join("/")}]`, measured: ms(median(xs)), floor: ms(fl), ratio: ratio(median(xs), fl), budget });
    const asServed = median(times["/served"]);
    printTable(`A ${size}-section document page replayed without its server (${kb(Buffer.byteLength(served))} of HTML; floor ${kb(Buffer.byteLength(floor.html))}), headless Chromium ${VIEWPORT.width}×${VIEWPORT.height}, median of ${RUNS} fresh-context loads: all content in the page, ms from navigation start`, [
      row("as served: the first frame waits for the whole document, the scripts come after it", times["/served"], `< ${BUDGET_PAINT_MS} ms with the server's answer added (bench/editor-load.ts) ${asServed < BUDGET_PAINT_MS ? "(met here)" : "(MISSED here)"}`),
      row("drawn as the HTML arrives (no rel=expect)", times["/drawn-as-it-arrives"]),
      row("its scripts where Next.js puts them (async in the head), as served before", times["/scripts-in-head"]),
      row("without any script", times["/no-scripts"]),
    ]);
  }
  await signer.close();
});
