// Keystroke-to-other-browser latency: two Chromium pages (two contexts, both signed in as
// the demo user) on one 60-section document; each character typed in page A is timed from
// its keydown in A until page B's editor shows it (both clocks are Date.now() on this
// machine). Floor in the same run: a bare `new Hocuspocus()` (no hooks) in its own process
// with two bare HocuspocusProviders sending the same single-character inserts into a Y.Text.
//   npx tsx bench/collab-latency.ts
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium";
import { createSizedDocument, signIn, startApp } from "./support/app";
import { BROWSER_NAME_SHIM, maxOf, ms, onCleanup, percentile, printTable, ratio, runBench, sleep, withTimeout } from "./support/harness";
import { allReady, connectEditor, startBareHocuspocus } from "./support/headless";

const KEYSTROKES = 200;
const WARMUP = 10;
const GAP_MS = 40; // pause after B has seen a character, before the next one
const BUDGET_P95_MS = 100;

interface BenchWindow {
  __keys: number[];
  __seen: Record<number, number>;
  __base: number;
  __len: () => number;
}

async function waitForSaved(page: Page, timeoutMs: number): Promise<boolean> {
  return page
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: timeoutMs })
    .then(() => true, () => false);
}

/** Keystrokes in A until B's editor shows them; returns per-keystroke latency in ms. */
async function measureBrowsers(a: Page, b: Page, label: string): Promise<number[]> {
  // B: record the first time the editor's text (without other people's caret labels) reaches each length
  await b.evaluate((name) => {
    const w = window as unknown as BenchWindow;
    const el = [...document.querySelectorAll<HTMLElement>('[role="textbox"]')].find((e) => e.getAttribute("aria-label") === name);
    if (!el) throw new Error(`no editor ${name}`);
    const textLength = (): number => {
      let n = 0;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent?.closest('[contenteditable="false"], [class*="collaboration-c"]') && parent !== el) continue;
        n += node.textContent?.length ?? 0;
      }
      return n;
    };
    w.__seen = {};
    w.__len = textLength;
    let last = textLength();
    w.__base = last;
    new MutationObserver(() => {
      const len = textLength();
      const now = Date.now();
      while (last < len) w.__seen[++last] ??= now;
      last = len;
    }).observe(el, { childList: true, subtree: true, characterData: true });
  }, label);
  // A: the time of every keydown
  await a.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__keys = [];
    window.addEventListener("keydown", () => w.__keys.push(Date.now()), true);
  });
  const editorA = a.getByRole("textbox", { name: label, exact: true });
  await editorA.click();
  await a.keyboard.press("Control+End");
  await a.evaluate(() => ((window as unknown as BenchWindow).__keys = []));
  const base = await b.evaluate(() => (window as unknown as BenchWindow).__len());

  const total = WARMUP + KEYSTROKES;
  for (let i = 0; i < total; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    await a.keyboard.type(ch);
    const target = base + i + 1;
    const seen = await b
      .waitForFunction((n) => (window as unknown as BenchWindow).__seen[n] !== undefined, target, { polling: 5, timeout: 5000 })
      .then(() => true, () => false);
    if (!seen) throw new Error(`keystroke ${i + 1} ("${ch}") never showed in page B within 5 s`);
    await sleep(GAP_MS);
  }
  const keys = await a.evaluate(() => (window as unknown as BenchWindow).__keys);
  const seen = await b.evaluate(() => (window as unknown as BenchWindow).__seen);
  if (keys.length !== total) throw new Error(`page A saw ${keys.length} keydowns for ${total} keystrokes`);
  const latencies: number[] = [];
  for (let i = WARMUP; i < total; i++) latencies.push(seen[base + i + 1]! - keys[i]!);
  return latencies;
}

/** The same inserts between two bare providers on a bare Hocuspocus. */
async function measureFloor(): Promise<number[]> {
  const bare = await startBareHocuspocus();
  const a = connectEditor(bare.url, "latency-floor", null);
  const b = connectEditor(bare.url, "latency-floor", null);
  onCleanup("close floor providers", () => (a.close(), b.close()));
  await allReady([a, b], 10_000);
  const textA = a.ydoc.getText("body");
  const textB = b.ydoc.getText("body");
  let waiting: { length: number; resolve: (t: number) => void } | undefined;
  textB.observe(() => {
    const now = performance.now();
    if (waiting && textB.length >= waiting.length) waiting.resolve(now);
  });
  const latencies: number[] = [];
  for (let i = 0; i < WARMUP + KEYSTROKES; i++) {
    const expected = textA.length + 1;
    const seen = new Promise<number>((resolve) => (waiting = { length: expected, resolve }));
    const start = performance.now();
    textA.insert(textA.length, String.fromCharCode(97 + (i % 26)));
    const end = await withTimeout(seen, 5000, `floor insert ${i + 1}`);
    if (i >= WARMUP) latencies.push(end - start);
    await sleep(GAP_MS);
  }
  a.close();
  b.close();
  await bare.stop();
  return latencies;
}

await runBench("collab-latency", async () => {
  const app = await startApp();
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  onCleanup("close Chromium", () => browser.close());
  const viewport = { width: 1280, height: 900 };
  const ctxA = await browser.newContext({ viewport });
  await signIn(ctxA.request, app);
  const ctxB = await browser.newContext({ viewport, storageState: await ctxA.storageState() });
  for (const ctx of [ctxA, ctxB]) await ctx.addInitScript({ content: BROWSER_NAME_SHIM });
  const documentId = await createSizedDocument(ctxA.request, app, "Latency bench");
  const url = `${app.baseUrl}/w/demo/d/${documentId}`;
  const [a, b] = [await ctxA.newPage(), await ctxB.newPage()];
  const pageErrors: string[] = [];
  for (const [name, page] of [["A", a], ["B", b]] as const) {
    page.on("pageerror", (e) => pageErrors.push(`page ${name}: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && pageErrors.push(`page ${name} console: ${m.text()}`));
  }
  await Promise.all([a.goto(url), b.goto(url)]);
  const savedAtOpen = await Promise.all([waitForSaved(a, 30_000), waitForSaved(b, 30_000)]);
  if (!savedAtOpen.every(Boolean)) console.warn(`warning: "Saved" not shown after opening (A ${savedAtOpen[0]}, B ${savedAtOpen[1]})`);
  const editor = a.getByRole("textbox", { name: / body$/ }).first();
  await editor.waitFor({ timeout: 30_000 });
  const label = (await editor.getAttribute("aria-label"))!;
  await b.getByRole("textbox", { name: label, exact: true }).waitFor({ timeout: 30_000 });
  console.log(`typing ${KEYSTROKES} (+${WARMUP} warm-up) characters into "${label}" of document ${documentId}`);

  const browserLatencies = await measureBrowsers(a, b, label);
  const savedAfter = await waitForSaved(a, 15_000);
  await ctxA.close();
  await ctxB.close();
  const floor = await measureFloor();

  const p50 = percentile(browserLatencies, 50);
  const p95 = percentile(browserLatencies, 95);
  const f50 = percentile(floor, 50);
  const f95 = percentile(floor, 95);
  printTable(`Keystroke → other browser, ${KEYSTROKES} keystrokes, one 60-section document (floor: bare Hocuspocus + 2 bare providers, Y.Text inserts)`, [
    { figure: "latency p50", measured: ms(p50), floor: ms(f50), ratio: ratio(p50, f50), budget: "—" },
    { figure: "latency p95", measured: ms(p95), floor: ms(f95), ratio: ratio(p95, f95), budget: `< ${BUDGET_P95_MS} ms ${p95 < BUDGET_P95_MS ? "(met)" : "(MISSED)"}` },
    { figure: "latency max", measured: ms(maxOf(browserLatencies)), floor: ms(maxOf(floor)), ratio: "—", budget: "—" },
  ]);
  console.log(`"Saved" after typing in page A: ${savedAfter ? "yes" : "NO (never reached within 15 s)"}`);
  if (pageErrors.length) console.log(`browser errors (${pageErrors.length}):\n  ${[...new Set(pageErrors)].slice(0, 10).join("\n  ")}`);
  if (app.problems.length) console.log(`app warnings/errors (${app.problems.length}):\n  ${[...new Set(app.problems)].slice(0, 10).join("\n  ")}`);
});
