import { chromium, request } from "playwright-core";
import { createSizedDocument, signIn, startApp } from "./support/app";
import { runBench, sleep } from "./support/harness";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium";
runBench("nojs", async () => {
  const app = await startApp();
  const req = await request.newContext({ baseURL: app.baseUrl });
  await signIn(req, app);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const storageState = await req.storageState();
  const size = Number(process.env.SIZE ?? 60);
  const warm = await createSizedDocument(req, app, `W`, size);
  await (await req.get(`/w/demo/d/${warm}`)).body();
  for (const js of [false, true, false, true, false, true]) {
    const ctx = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 }, javaScriptEnabled: js });
    const page = await ctx.newPage();
    await page.goto(`${app.baseUrl}/w/demo/d/${warm}`, { waitUntil: "load" });
    await sleep(500);
    const t = await page.evaluate(() => { const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming; return { ttfb: n.responseStart, end: n.responseEnd, dcl: n.domContentLoadedEventEnd, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1 }; });
    console.log(js ? "js   " : "nojs ", Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join("  "));
    await ctx.close();
  }
  await browser.close();
}, 400_000);
