// The browser's share of a document page's load, without the server's: a sized document's
// page (BENCH_SECTIONS=60,200 by default), as the app served it to the demo user, is saved and
// served again from a local server with the app's built scripts and styles (its API calls
// and socket find nothing there), and loaded in headless Chromium in fresh contexts, in turns:
//  - as served (the page's first frame waits for the whole document: <link rel="expect">);
//  - without that link (the browser draws the page as pieces of HTML arrive);
//  - its chunk scripts fetched only once the first frame is on screen (a what-if the app does
//    not do: until they run, input to the page would be lost);
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

/**
 * What-if: `html` with Next.js's chunk scripts (and its script preloads) taken out and added
 * by one inline script once the browser reports the first frame on screen. The app does not
 * do this: until the scripts run, the page is not hydrated, and a click or keys in that time
 * would be lost (tests/e2e/firstPaint.spec.ts types at once); it would need the page to hold
 * such input and hand it to the editors once they start.
 */
function scriptsAfterFirstFrame(html: string): string {
  const sources: string[] = [];
  const rest = html
    .replace(/<script src="(\/_next\/static\/chunks\/[^"]+\.js)"[^>]*><\/script>/g, (_tag, src: string) => (sources.push(src), ""))
    .replace(/<link rel="preload" as="script"[^>]*? href="(\/_next\/static\/chunks\/[^"]+\.js)"[^>]*>/g, (_tag, src: string) => (sources.includes(src) || sources.push(src), ""));
  const loader = `(function(s){var d=false;function go(){if(d)return;d=true;s.forEach(function(u){var e=document.createElement("script");e.src=u;e.async=true;document.head.appendChild(e)})}
    new PerformanceObserver(function(l){if(l.getEntries().length)go()}).observe({type:"paint",buffered:true});setTimeout(go,3000)})(${JSON.stringify(sources)})`;
  return rest.replace("</head>", `<script>${loader}</script></head>`);
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
    const served = await (await signer.request.get(`${app.baseUrl}/w/demo/d/${id}`)).text();
    if (!served.includes('rel="expect"')) throw new Error("the page has no <link rel=\"expect\">: is .next older than the page?");
    const floor = await floorHtml(app, id);
    const pages = {
      "/served": served,
      "/drawn-as-it-arrives": served.replace(/<link rel="expect"[^>]*>/, ""),
      "/scripts-after-first-frame": scriptsAfterFirstFrame(served),
      "/no-scripts": served.replace(/<script[^>]*>[\s\S]*?<\/script>/g, ""),
      "/floor": floor.html,
    };
    const base = await servePages(pages, builtFile);
    const times: Record<keyof typeof pages, number[]> = { "/served": [], "/drawn-as-it-arrives": [], "/scripts-after-first-frame": [], "/no-scripts": [], "/floor": [] };
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
      row("as served: the first frame waits for the whole document", times["/served"], `< ${BUDGET_PAINT_MS} ms with the server's answer added (bench/editor-load.ts) ${asServed < BUDGET_PAINT_MS ? "(met here)" : "(MISSED here)"}`),
      row("drawn as the HTML arrives (no rel=expect)", times["/drawn-as-it-arrives"]),
      row("its scripts fetched once the first frame is on screen (not done by the app: see scriptsAfterFirstFrame)", times["/scripts-after-first-frame"]),
      row("without any script", times["/no-scripts"]),
    ]);
  }
  await signer.close();
});
