import { writeFileSync } from "node:fs";
import { chromium, request } from "playwright-core";
import { createSizedDocument, signIn, startApp } from "./support/app";
import { runBench, sleep } from "./support/harness";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium";
runBench("trace", async () => {
  const app = await startApp();
  const req = await request.newContext({ baseURL: app.baseUrl });
  await signIn(req, app);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const storageState = await req.storageState();
  const warm = await createSizedDocument(req, app, `W`, 60);
  { const c = await browser.newContext({ storageState }); const p = await c.newPage(); await p.goto(`${app.baseUrl}/w/demo/d/${warm}`); await sleep(3000); await c.close(); }
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await browser.startTracing(page, { categories: ["devtools.timeline", "blink.user_timing", "loading", "v8.execute", "disabled-by-default-devtools.timeline"] });
    await page.goto(`${app.baseUrl}/w/demo/d/${warm}`);
    await sleep(1500);
    const buf = await browser.stopTracing();
    writeFileSync(`/tmp/trace${i}.json`, buf);
    const t = await page.evaluate(() => { const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming; return { ttfb: n.responseStart, end: n.responseEnd, dcl: n.domContentLoadedEventEnd, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1, req: n.requestStart, conn: n.connectEnd, fetch: n.fetchStart }; });
    console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join("  "));
    await ctx.close();
    await sleep(Number(process.env.GAP ?? 0));
  }
  await browser.close();
}, 400_000);
