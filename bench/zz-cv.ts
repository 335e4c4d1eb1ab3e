import { chromium, request } from "playwright-core";
import { createSizedDocument, signIn, startApp } from "./support/app";
import { runBench, sleep } from "./support/harness";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium";
const CSS = process.env.CV_CSS ?? ".sw-section{content-visibility:auto;contain-intrinsic-size:auto 400px}";
runBench("cv", async () => {
  const app = await startApp();
  const req = await request.newContext({ baseURL: app.baseUrl });
  await signIn(req, app);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const storageState = await req.storageState();
  for (const size of [60, 200]) {
    const id = await createSizedDocument(req, app, `S${size}`, size);
    await (await req.get(`/w/demo/d/${id}`)).body();
    const res: Record<string, number[][]> = { off: [], on: [] };
    for (let i = 0; i < 10; i++) {
      const mode = i % 2 ? "on" : "off";
      const ctx = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.addInitScript(`(() => {
        const css = ${JSON.stringify(CSS)}, on = ${mode === "on"}, expected = ${size};
        window.__c = -1;
        const addStyle = () => { if (on) { const s = document.createElement("style"); s.textContent = css; document.documentElement.appendChild(s); } };
        const frame = (t) => {
          const cards = document.querySelectorAll('section[id^="section-"]');
          if (window.__c < 0 && cards.length >= expected && [...cards].every((c) => (c.textContent ?? "").trim().length > 0)) window.__c = t;
          if (window.__c < 0 && t < 20000) requestAnimationFrame(frame);
        };
        const start = () => { addStyle(); requestAnimationFrame(frame); };
        if (document.documentElement) start(); else document.addEventListener("readystatechange", start, { once: true });
      })()`);
      await page.goto(`${app.baseUrl}/w/demo/d/${id}`);
      await page.waitForFunction(() => (window as unknown as { __c: number }).__c > 0);
      await sleep(300);
      const t = await page.evaluate(() => { const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming; return [n.responseStart, n.responseEnd, performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1, n.domContentLoadedEventEnd, (window as unknown as { __c: number }).__c]; });
      res[mode]!.push(t);
      await ctx.close();
    }
    for (const mode of ["off", "on"]) {
      const rows = res[mode]!;
      const med = (k: number) => { const v = rows.map((r) => r[k]!).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]!.toFixed(0); };
      console.log(size, mode, "ttfb", med(0), "end", med(1), "fcp", med(2), "dcl", med(3), "content", med(4), " all content:", rows.map((r) => r[4]!.toFixed(0)).join(","));
    }
  }
  await browser.close();
}, 600_000);
