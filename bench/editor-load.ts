// Editor load of a 60- and a 200-section document (the largest seed template, 101 sections,
// cut to 60, or followed by its sections again up to 200; BENCH_SECTIONS=60,200 by default).
// Measured in headless Chromium, each load in a fresh browser context (no HTTP cache),
// times relative to navigation start (performance.now() in the page):
//  - "all content in the page": every section's card is in the document with its text (checked once
//    a frame, at the frame's start time, from the first frame the browser draws);
//  - "all content painted": the first contentful paint as presented (PerformanceObserver's
//    paint entry); the page's first frame waits until its whole document is parsed
//    (rel=expect), so its first paint is the one with every section;
//  - "click-to-caret": once loaded, the first section from the 20th-last on that holds a
//    paragraph of text is scrolled into view and that paragraph clicked (a real mouse click):
//    time from the pointerdown to the caret (a collapsed selection) in that section's body;
//  - JS heap after load (CDP Runtime.getHeapUsage after a forced GC);
//  - "first screen editable": every section whose card is in the first viewport (at rest,
//    scroll 0) has its editor mounted with contenteditable=true; no scrolling. Also how many
//    editors started without scrolling (a section starts its editor only near the screen).
//  - "every section accepts typing by a click": the last section's text is pressed (a
//    mousedown) each frame from the moment it is in the page until the page takes a press;
//    time until the caret shows in that section's text (the browser edits the text until the
//    section's editor starts, components/editor/earlyEdit.ts), where a character is typed at
//    once; also when the page first took the press (its inline script, from first paint), when
//    its code had run and hydrated the section, when the section's editor held the caret, and
//    whether the character typed was then in the editor's text;
//  - a returning reader: the same pressed load in a browser context that opened another
//    document's page twice before (its scripts in the HTTP cache, their compiled code in V8's
//    cache), as a person who works in the app day to day opens a document;
//  - "all editable (sweep)": a script in the page scrolls down one viewport per
//    animation frame from the moment the sections render, which mounts the lazy editors,
//    until all 60 are editable; also when the last section became editable.
//  - first-load JS of the page in the no-scroll loads: every script response (CDP
//    Network), sized as the server sends it with Accept-Encoding: gzip, Mermaid chunks
//    excluded (Mermaid's code, fetched once the page is idle or a diagram is on screen).
// Floor: the same sections rendered to plain HTML with components/documents/RichText,
// served by a tiny node http server, loaded in the same Chromium: DOMContentLoaded, and for
// the painted rows its first contentful paint as presented (headless Chromium presents a
// frame well after it starts: on a busy machine, a plain page's first paint is 100-250 ms
// after its first frame's start).
//   npx tsx bench/editor-load.ts
import http from "node:http";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium";
import { createSizedDocument, signIn, startApp, type RunningApp } from "./support/app";
import { floorHtml, servePages } from "./support/floor";
import { BROWSER_NAME_SHIM, kb, mb, median, ms, onCleanup, printTable, ratio, runBench, sleep } from "./support/harness";

const RUNS = 3;
const SIZES = (process.env.BENCH_SECTIONS ?? "60,200").split(",").map(Number);
const FAR_FROM_END = 20;
const BUDGET_PAINT_MS = 300;
const BUDGET_CARET_MS = 50;
const BUDGET_HEAP_RATIO = 1.5;
const VIEWPORT = { width: 1280, height: 900 };
const BUDGET_EDITABLE_MS = 1000;
const MODES: Mode[] = ["still", "sweep", "early", "returning"];
const BUDGET_JS_BYTES = 250 * 1024; // DESIGN.md: first-load JS of the document page < 250 KB gzip
// names only Mermaid's own code carries (the app's chunks mention "mermaid", never these)
const MERMAID_MARKERS = ["sequenceDiagram", "classDiagram", "stateDiagram", "erDiagram", "gitGraph", "requirementDiagram", "quadrantChart", "mindmap", "cytoscape", "dagre"];

interface Probe {
  editable: Record<string, number>;
  /** when every section's card was in the page with its text */
  contentAt: number;
  sectionsAt: number;
  sectionCount: number;
  savedAt: number;
  sweepDone: number;
  /** early loads: when the last section, clicked from the moment it was in the page, showed the caret in its text (editable by the browser, or its editor) */
  typingAt: number;
  /** early loads: when the last section had its editor with the caret */
  acceptedAt: number;
  /** early loads: whether the character typed at `typingAt` was in the editor's text once it had the caret */
  kept: boolean;
  /** early loads: when the page first took a press on the last section's text (its inline script keeps one from first paint) */
  takenAt: number;
  /** early loads: when the page's code had hydrated the sections (the mark it sets, components/editor/earlyInput.ts) */
  hydratedAt: number;
  order: string[];
}

/** A load: no scrolling; a sweep scrolling one screen a frame; or the last section clicked as early as it can be. */
type Mode = "still" | "sweep" | "early" | "returning";
/** Loads whose last section is pressed each frame until it has the caret: a first visit, and a returning reader's. */
const pressing = (mode: Mode) => mode === "early" || mode === "returning";

interface ProbeWindow {
  __probe: Probe;
}

/** Runs in the page before any of its scripts. */
function installProbe({ mode, expected }: { mode: Mode; expected: number }): void {
  const probe: Probe = { editable: {}, contentAt: -1, sectionsAt: -1, sectionCount: 0, savedAt: -1, sweepDone: -1, typingAt: -1, acceptedAt: -1, kept: false, takenAt: -1, hydratedAt: -1, order: [] };
  const sweep = mode === "sweep";
  (window as unknown as ProbeWindow).__probe = probe;
  const startSweep = () => {
    const started = performance.now();
    const step = () => {
      const done = Object.keys(probe.editable).length >= probe.sectionCount;
      if (done || performance.now() - started > 20_000) {
        probe.sweepDone = performance.now();
        return;
      }
      // at the bottom with sections still not editable (passed before the editor's code
      // arrived): round again from the top, as a reader looking for them would
      const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      if (atBottom) window.scrollTo(0, 0);
      else window.scrollBy(0, window.innerHeight);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  };
  // a reader who clicks into the last section as soon as it shows: a mouse press on its text
  // each frame until the page takes one (its inline script does from the first frame); the
  // time the caret shows in its text, where a character is typed at once; and the time its
  // editor holds the caret there, with that character in its text
  const startEarlyClicks = () => {
    let taken = false;
    const typed = "\u00a7";
    const step = () => {
      const last = probe.order[probe.order.length - 1];
      const card = last ? document.getElementById(last) : null;
      const editor = card?.querySelector('.ProseMirror[contenteditable="true"][aria-label$=" body"]');
      const selection = getSelection();
      const at = selection?.anchorNode ? (selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode.parentElement) : null;
      const body = card?.querySelector('[role="textbox"][aria-label$=" body"]');
      if (probe.typingAt < 0 && selection?.isCollapsed && at && body?.contains(at) && at.closest('[contenteditable="true"]')) {
        probe.typingAt = performance.now();
        // typed as the browser types a key (an input event, as a keyboard's)
        document.execCommand("insertText", false, typed);
      }
      if (editor && selection?.isCollapsed && at && editor.contains(at)) {
        probe.acceptedAt = performance.now();
        probe.kept = (editor.textContent ?? "").includes(typed);
        // the page marks when its code drew the sections (components/editor/earlyInput.ts)
        probe.hydratedAt = performance.getEntriesByName("specwright:sections-hydrated")[0]?.startTime ?? -1;
        return;
      }
      const text = card?.querySelector<HTMLElement>("[data-static-body]");
      if (!taken && text) {
        const box = text.getBoundingClientRect();
        const press = new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0, clientX: box.left + 2, clientY: box.top + 8 });
        // the page took the press when its handler kept the browser's own selection from it
        taken = !text.dispatchEvent(press);
        if (taken) probe.takenAt = performance.now();
      }
      if (performance.now() < 20_000) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  };
  const check = (now: number) => {
    for (const el of document.querySelectorAll<HTMLElement>('[role="textbox"][contenteditable="true"][aria-label$=" body"]')) {
      const id = el.closest("section")?.id;
      if (id && probe.editable[id] === undefined) probe.editable[id] = now;
    }
    if (probe.sectionsAt < 0) {
      const sections = document.querySelectorAll('section[id^="section-"]');
      if (sections.length) {
        probe.sectionsAt = now;
        probe.sectionCount = sections.length;
        probe.order = [...sections].map((s) => s.id);
        if (sweep) startSweep();
        if (mode === "early" || mode === "returning") startEarlyClicks();
      }
    }
    if (probe.savedAt < 0 && document.querySelector('[role="status"][data-save-state="saved"]')) probe.savedAt = now;
    if (probe.contentAt < 0) {
      const cards = document.querySelectorAll('section[id^="section-"]');
      if (cards.length >= expected && [...cards].every((card) => (card.textContent ?? "").trim().length > 0)) probe.contentAt = now;
    }
  };
  // once a frame (at the frame's start time), not on every change of the page: checking at
  // each of the parser's pauses scanned the whole page dozens of times while it loaded, and
  // slowed the very load it timed
  const frame = (time: number) => {
    check(time);
    if (time < 30_000) requestAnimationFrame(frame);
  };
  // from the start, before the document has an element: the first frame the browser draws is
  // checked (waiting for the parser to finish first missed it whenever scripts ran before the next frame)
  requestAnimationFrame(frame);
}

interface ScriptLoad {
  url: string;
  encodedDataLength: number;
  body: string;
}

interface LoadResult {
  probe: Probe;
  /** JS heap in use after the load settled and a GC, bytes */
  heap: number;
  /** ms from pointerdown to the caret in a section far down (no-scroll loads only) */
  caret: number;
  firstScreen: string[];
  dcl: number;
  /** first contentful paint (as presented), ms from navigation start; the page's first frame waits for its whole document */
  fcp: number;
  /** the page's HTML: first byte and last byte, ms from navigation start */
  response: { first: number; last: number };
  scripts: ScriptLoad[];
  htmlBytes: number;
  settled: boolean;
}

/** Clicks the first paragraph of text from section `from` on (scrolled into view first); ms from the pointerdown until the caret is in that section's editable body, NaN when it never is. */
async function clickToCaret(page: Page, from: string): Promise<number> {
  // the first section from there on with a paragraph of text (many sections hold only a hint, which a click selects whole)
  const id = await page.evaluate((start) => {
    const cards = [...document.querySelectorAll('section[id^="section-"]')];
    const card = cards.slice(cards.findIndex((c) => c.id === start)).find((c) => [...c.querySelectorAll('[role="textbox"] p')].some((p) => (p.textContent ?? "").trim()));
    card?.scrollIntoView({ block: "center" });
    return card?.id ?? null;
  }, from);
  if (!id) return Number.NaN;
  await sleep(500);
  const line = page.locator(`[id="${id}"] [role="textbox"][aria-label$=" body"] p`).filter({ hasText: /\S/ }).first();
  const box = await line.boundingBox();
  if (!box) return Number.NaN;
  await page.evaluate((target) => {
    const w = window as unknown as { __caret: number };
    w.__caret = -1;
    document.addEventListener(
      "pointerdown",
      (event) => {
        const poll = () => {
          // the caret: a collapsed selection in that section's editable body
          const selection = getSelection();
          const at = selection?.anchorNode ? (selection.anchorNode instanceof Element ? selection.anchorNode : selection.anchorNode.parentElement) : null;
          const editor = at?.closest('[contenteditable="true"]');
          const inside = Boolean(selection?.isCollapsed && editor && editor.closest("section")?.id === target);
          if (inside) w.__caret = performance.now() - event.timeStamp;
          else requestAnimationFrame(poll);
        };
        poll();
      },
      { once: true, capture: true },
    );
  }, id);
  // the start of the line, where Playwright has checked that the paragraph (not something over it) takes the click
  await line.click({ position: { x: 2, y: Math.min(box.height / 2, 10) }, timeout: 5_000 });
  for (let i = 0; i < 50; i++) {
    const caret = await page.evaluate(() => (window as unknown as { __caret: number }).__caret);
    if (caret >= 0) return caret;
    await sleep(100);
  }
  const where = await page.evaluate(() => {
    const active = document.activeElement;
    const selection = getSelection();
    const at = selection?.anchorNode?.parentElement;
    return `focus on ${active?.tagName ?? "nothing"} "${active?.getAttribute("aria-label") ?? ""}", selection ${selection?.isCollapsed ? "collapsed" : "a range"} in ${at?.closest("section")?.id ?? "none"}, in <${at?.tagName ?? "-"}> under ${at?.closest("[contenteditable]")?.outerHTML.slice(0, 160) ?? "no contenteditable"}`;
  });
  console.log(`  click-to-caret: no caret in ${id} within 5 s (${where})`);
  return Number.NaN;
}

async function loadOnce(ctx: BrowserContext, url: string, mode: Mode, expected: number, errors: string[]): Promise<LoadResult> {
  const sweep = mode === "sweep";
  await ctx.addInitScript(installProbe, { mode, expected });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  const responses = new Map<string, { url: string; type: string; encoded: number; finished: boolean }>();
  let lastActivity = Date.now();
  cdp.on("Network.responseReceived", (e) => {
    lastActivity = Date.now();
    responses.set(e.requestId, { url: e.response.url, type: e.type, encoded: 0, finished: false });
  });
  cdp.on("Network.loadingFinished", (e) => {
    lastActivity = Date.now();
    const r = responses.get(e.requestId);
    if (r) Object.assign(r, { encoded: e.encodedDataLength, finished: true });
  });
  await page.goto(url);
  const read = () => page.evaluate(() => (window as unknown as ProbeWindow).__probe);
  const deadline = Date.now() + 15_000;
  let probe = await read();
  for (;;) {
    const settled = sweep ? probe.sweepDone >= 0 : probe.savedAt >= 0 && probe.sectionsAt >= 0 && (!pressing(mode) || probe.acceptedAt >= 0);
    const quiet = Date.now() - lastActivity > 1500;
    if ((settled && quiet) || Date.now() > deadline) break;
    await sleep(100);
    probe = await read();
  }
  console.log(
    `  load (${mode === "still" ? "no scroll" : mode}): sections at ${probe.sectionsAt.toFixed(0)} ms, ${Object.keys(probe.editable).length}/${probe.sectionCount} editable` +
      (sweep ? `, sweep done at ${probe.sweepDone.toFixed(0)} ms` : "") + (pressing(mode) ? `, last section took typing at ${probe.typingAt.toFixed(0)} ms, its editor at ${probe.acceptedAt.toFixed(0)} ms${probe.kept ? "" : " WITHOUT the typed character"}` : "") + `, "Saved" at ${probe.savedAt.toFixed(0)} ms`,
  );
  if (probe.savedAt < 0) errors.push(`"Saved" never shown within 15 s (${url})`);
  const firstScreen = await page.evaluate(() =>
    window.scrollY === 0
      ? [...document.querySelectorAll('section[id^="section-"]')].filter((s) => s.getBoundingClientRect().top < window.innerHeight).map((s) => s.id)
      : [],
  );
  const { dcl, fcp, response } = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    return { dcl: nav.domContentLoadedEventEnd, fcp: paint ? paint.startTime : Number.NaN, response: { first: nav.responseStart, last: nav.responseEnd } };
  });
  const scripts: ScriptLoad[] = [];
  let htmlBytes = 0;
  for (const [requestId, r] of responses) {
    if (r.type === "Document") htmlBytes += r.encoded;
    if (r.type !== "Script" || !r.finished) continue;
    const res = await cdp.send("Network.getResponseBody", { requestId }).catch(() => null);
    const body = res ? (res.base64Encoded ? Buffer.from(res.body, "base64").toString("utf8") : res.body) : "";
    scripts.push({ url: r.url, encodedDataLength: r.encoded, body });
  }
  // after the scripts are counted: the click loads the toolbar's code
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  const far = probe.order[probe.order.length - FAR_FROM_END] ?? probe.order[probe.order.length - 1];
  const caret = mode === "still" && far ? await clickToCaret(page, far) : Number.NaN;
  await page.close();
  const done = sweep ? probe.sweepDone >= 0 && Object.keys(probe.editable).length >= probe.sectionCount : probe.savedAt >= 0 && probe.sectionsAt >= 0 && (!pressing(mode) || probe.acceptedAt >= 0);
  return { probe, heap, caret, firstScreen, dcl, fcp, response, scripts, htmlBytes, settled: done };
}

/** Opens `url` twice in `ctx`, each time until the page says "Saved", and closes it. */
async function openTwice(ctx: BrowserContext, url: string): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const page = await ctx.newPage();
    await page.goto(url);
    await page.locator('[role="status"][data-save-state="saved"]').first().waitFor({ timeout: 15_000 });
    await page.close();
  }
}

/** Bytes on the wire for `url` when the client accepts gzip (body only), and its encoding. */
function gzipTransfer(url: string): Promise<{ bytes: number; encoding: string; status: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "identity"), status: res.statusCode ?? 0 }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

function isMermaidSource(body: string): boolean {
  return MERMAID_MARKERS.filter((m) => body.includes(m)).length >= 3;
}

async function staticFloor(browser: Browser, app: RunningApp, documentId: string): Promise<{ dcl: number[]; fcp: number[] }> {
  const { html, sections } = await floorHtml(app, documentId);
  const url = `${await servePages({ "/": html })}/`;
  const dcl: number[] = [];
  const fcp: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    const page = await ctx.newPage();
    await page.goto(url);
    const at = await page.evaluate(async () => {
      const painted = await new Promise<number>((resolve) => new PerformanceObserver((list) => resolve(list.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN)).observe({ type: "paint", buffered: true }));
      return { dcl: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd, fcp: painted };
    });
    // the first load warms the browser up
    if (i > 0) {
      dcl.push(at.dcl);
      fcp.push(at.fcp);
    }
    await ctx.close();
  }
  console.log(`floor page: ${sections} sections, ${kb(Buffer.byteLength(html))} of HTML`);
  return { dcl, fcp };
}

function maxOf(probe: Probe, ids: string[]): number {
  const times = ids.map((id) => probe.editable[id] ?? Number.NaN);
  return !times.length || times.some(Number.isNaN) ? Number.NaN : Math.max(...times);
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Loads documents of `size` sections and prints their table; returns the median heap after load. */
async function measure(app: RunningApp, browser: Browser, storageState: StorageState, size: number): Promise<{ heap: number }> {
  const signer = await browser.newContext({ storageState });
  // one document per load, none opened before: a warm-up pair first, then RUNS pairs
  const docs: string[] = [];
  for (let i = 0; i < MODES.length * (RUNS + 1); i++) docs.push(await createSizedDocument(signer.request, app, `Load bench ${i + 1}`, size));
  await signer.close();
  const errors: string[] = [];
  const still: LoadResult[] = [];
  const swept: LoadResult[] = [];
  const early: LoadResult[] = [];
  const returning: LoadResult[] = [];
  for (let i = 0; i <= RUNS; i++) {
    for (const [m, mode] of MODES.entries()) {
      const ctx = await browser.newContext({ viewport: VIEWPORT, storageState });
      await ctx.addInitScript({ content: BROWSER_NAME_SHIM });
      // a returning reader: the browser has the page's scripts, and V8 its compiled code
      // (kept once a script has run twice), from two loads of another document
      if (mode === "returning") await openTwice(ctx, `${app.baseUrl}/w/demo/d/${docs[0]}`);
      const result = await loadOnce(ctx, `${app.baseUrl}/w/demo/d/${docs[MODES.length * i + m]}`, mode, size, errors);
      await ctx.close();
      if (i === 0 && !result.settled) throw new Error(`the warm-up load (${mode}) did not settle in 15 s: ${[...new Set(errors)].join("; ")}`);
      if (i === 0) continue; // warm-up: the server's first render of the page and its code paths
      ({ still, sweep: swept, early, returning })[mode].push(result);
    }
  }
  const floor = await staticFloor(browser, app, docs[0]!);

  // timings
  // the review panel can push every card below the first screen: then the first section counts
  const firstScreen = still.map((r) => maxOf(r.probe, r.firstScreen.length ? r.firstScreen : r.probe.order.slice(0, 1)));
  const mountedAtRest = still.map((r) => Object.keys(r.probe.editable).length);
  const all = swept.map((r) => (Object.keys(r.probe.editable).length >= size ? maxOf(r.probe, r.probe.order) : Number.NaN));
  const last = swept.map((r) => r.probe.editable[r.probe.order[r.probe.order.length - 1] ?? ""] ?? Number.NaN);
  const typing = early.map((r) => (r.probe.typingAt >= 0 ? r.probe.typingAt : Number.NaN));
  const accepted = early.map((r) => (r.probe.acceptedAt >= 0 ? r.probe.acceptedAt : Number.NaN));
  const kept = [...early, ...returning].filter((r) => r.probe.kept).length;
  const typingBack = returning.map((r) => (r.probe.typingAt >= 0 ? r.probe.typingAt : Number.NaN));
  const taken = early.map((r) => (r.probe.takenAt >= 0 ? r.probe.takenAt : Number.NaN));
  const hydrated = early.map((r) => (r.probe.hydratedAt >= 0 ? r.probe.hydratedAt : Number.NaN));
  const acceptedBack = returning.map((r) => (r.probe.acceptedAt >= 0 ? r.probe.acceptedAt : Number.NaN));
  const contentBack = returning.map((r) => (r.probe.contentAt >= 0 ? r.probe.contentAt : Number.NaN));
  const paintedBack = returning.map((r) => r.fcp);
  const painted = still.map((r) => r.fcp);
  const sectionsAt = [...still, ...swept].map((r) => r.probe.sectionsAt);
  const savedAt = still.map((r) => (r.probe.savedAt >= 0 ? r.probe.savedAt : Number.NaN));
  const appDcl = still.map((r) => r.dcl);
  const firstByte = still.map((r) => r.response.first);
  const lastByte = still.map((r) => r.response.last);
  const contentAt = still.map((r) => (r.probe.contentAt >= 0 ? r.probe.contentAt : Number.NaN));
  const carets = still.map((r) => r.caret);
  const heaps = still.map((r) => r.heap);
  const counts = [...still, ...swept].map((r) => r.probe.sectionCount);
  if (counts.some((c) => c !== size)) errors.push(`section counts seen in the page: ${counts.join(", ")} (expected ${size})`);

  // first-load JS: the no-scroll loads; Mermaid = loaded only when diagrams came on screen, or Mermaid's source
  const firstLoadUrls = new Set(still.flatMap((r) => r.scripts.map((s) => s.url)));
  const lazy = new Map<string, ScriptLoad>();
  for (const r of swept) for (const s of r.scripts) if (!firstLoadUrls.has(s.url)) lazy.set(s.url, s);
  const firstLoad = still[0]!.scripts;
  const mermaidAtLoad = firstLoad.filter((s) => isMermaidSource(s.body));
  const counted = firstLoad.filter((s) => !isMermaidSource(s.body));
  let wire = 0;
  const encodings = new Set<string>();
  const uncompressed: string[] = [];
  for (const s of counted) {
    const t = await gzipTransfer(s.url);
    if (t.status !== 200) throw new Error(`${s.url} answered ${t.status} when fetched again (was .next rebuilt?)`);
    encodings.add(t.encoding);
    if (t.encoding !== "gzip") uncompressed.push(`${new URL(s.url).pathname} (${kb(t.bytes)})`);
    // a response the server sends uncompressed counts with its gzip -6 size
    wire += t.encoding === "gzip" ? t.bytes : gzipSync(s.body).length;
  }
  // the page's own scripts, named in its HTML: what must load before it runs (the editor's
  // code and code highlighting are fetched after it starts, and counted in the figure above)
  const reader = await browser.newContext({ storageState });
  const html = await (await reader.request.get(`${app.baseUrl}/w/demo/d/${docs[0]}`)).text();
  await reader.close();
  const inHtml = new Set([...html.matchAll(/\/_next\/static\/chunks\/[^"\\]+\.js/g)].map((m) => m[0]));
  const pageOwn = counted.filter((s) => inHtml.has(new URL(s.url).pathname));
  let pageWire = 0;
  for (const s of pageOwn) {
    const t = await gzipTransfer(s.url);
    pageWire += t.encoding === "gzip" ? t.bytes : gzipSync(s.body).length;
  }
  const cdpBytes = counted.reduce((n, s) => n + s.encodedDataLength, 0);
  const rawBytes = counted.reduce((n, s) => n + Buffer.byteLength(s.body), 0);
  const lazyGzip = [...lazy.values()].reduce((n, s) => n + gzipSync(s.body).length, 0);
  const lazyMermaid = [...lazy.values()].filter((s) => isMermaidSource(s.body)).length;

  const fl = median(floor.dcl);
  // the painted rows against the plain HTML's own first paint, as presented, in the same run
  const flPaint = median(floor.fcp);
  const med = (xs: number[]) => median(xs.filter((x) => !Number.isNaN(x)));
  const each = (xs: number[]) => xs.map((x) => (Number.isNaN(x) ? "n/a" : x.toFixed(0))).join("/");
  printTable(`Editor load, ${size}-section document (largest seed template), headless Chromium ${VIEWPORT.width}×${VIEWPORT.height}, median of ${RUNS} fresh-context loads (ms from navigation start)`, [
    { figure: `first screen editable (${still[0]!.firstScreen.length || "no section in view: the first"} section(s), no scroll) [${each(firstScreen)}]`, measured: ms(med(firstScreen)), floor: ms(fl), ratio: ratio(med(firstScreen), fl), budget: "—" },
    { figure: `editors started, no scroll (only sections near the screen start one) [${mountedAtRest.join("/")}]`, measured: `${med(mountedAtRest)} of ${size}`, floor: "—", ratio: "—", budget: "—" },
    { figure: `every section accepts typing by a click: the last one, pressed each frame from first paint, shows the caret in its text, where a character is typed [${each(typing)}]`, measured: ms(med(typing)), floor: ms(fl), ratio: ratio(med(typing), fl), budget: `< ${BUDGET_EDITABLE_MS} ms ${med(typing) < BUDGET_EDITABLE_MS ? "(met)" : "(MISSED)"}` },
    { figure: `  the page takes the press (its inline script) [${each(taken)}]`, measured: ms(med(taken)), floor: ms(fl), ratio: ratio(med(taken), fl), budget: "—" },
    { figure: `  the page's code has run and hydrated the section [${each(hydrated)}]`, measured: ms(med(hydrated)), floor: ms(fl), ratio: ratio(med(hydrated), fl), budget: "—" },
    { figure: `  its editor has taken over, with the caret [${each(accepted)}]`, measured: ms(med(accepted)), floor: ms(fl), ratio: ratio(med(accepted), fl), budget: "—" },
    { figure: `  the character typed at the caret is in the editor's text (first visits and returning readers)`, measured: `${kept} of ${early.length + returning.length}`, floor: "—", ratio: "—", budget: `all ${kept === early.length + returning.length ? "(met)" : "(MISSED)"}` },
    { figure: `all ${size} with an editor started, scroll sweep (editors start near the screen) [${each(all)}]`, measured: ms(med(all)), floor: ms(fl), ratio: ratio(med(all), fl), budget: "—" },
    { figure: `last section editable, scroll sweep [${each(last)}]`, measured: ms(med(last)), floor: ms(fl), ratio: ratio(med(last), fl), budget: "—" },
    { figure: `all content in the page (every section with its text) [${each(contentAt)}]`, measured: ms(med(contentAt)), floor: ms(fl), ratio: ratio(med(contentAt), fl), budget: `< ${BUDGET_PAINT_MS} ms ${med(contentAt) < BUDGET_PAINT_MS ? "(met)" : "(MISSED)"}` },
    { figure: `all content painted: the first paint as presented (the page's first frame waits for its whole document) [${each(painted)}]`, measured: ms(med(painted)), floor: `${ms(flPaint)} (painted)`, ratio: ratio(med(painted), flPaint), budget: `< ${BUDGET_PAINT_MS} ms ${med(painted) < BUDGET_PAINT_MS ? "(met)" : "(MISSED)"}` },
    { figure: `a returning reader (scripts and compiled code kept from two loads of another document): every section accepts typing by a click [${each(typingBack)}]; its editor took over [${each(acceptedBack)}]`, measured: `${ms(med(typingBack))}; ${ms(med(acceptedBack))}`, floor: ms(fl), ratio: ratio(med(typingBack), fl), budget: `< ${BUDGET_EDITABLE_MS} ms ${med(typingBack) < BUDGET_EDITABLE_MS ? "(met)" : "(MISSED)"}` },
    { figure: `  a returning reader: all content in the page [${each(contentBack)}]; painted [${each(paintedBack)}]`, measured: `${ms(med(contentBack))}; ${ms(med(paintedBack))}`, floor: `${ms(flPaint)} (painted)`, ratio: ratio(med(paintedBack), flPaint), budget: `< ${BUDGET_PAINT_MS} ms ${med(paintedBack) < BUDGET_PAINT_MS ? "(met)" : "(MISSED)"}` },
    { figure: `click-to-caret, section ${size - FAR_FROM_END + 1} of ${size} [${each(carets)}]`, measured: ms(med(carets)), floor: "—", ratio: "—", budget: `< ${BUDGET_CARET_MS} ms ${med(carets) < BUDGET_CARET_MS ? "(met)" : "(MISSED)"}` },
    { figure: `JS heap after load (after a GC) [${heaps.map((h) => mb(h)).join("/")}]`, measured: mb(med(heaps)), floor: "—", ratio: "—", budget: "—" },
    { figure: "sections rendered (Y.Doc synced)", measured: ms(med(sectionsAt)), floor: ms(fl), ratio: ratio(med(sectionsAt), fl), budget: "—" },
    { figure: "app page DOMContentLoaded", measured: ms(med(appDcl)), floor: ms(fl), ratio: ratio(med(appDcl), fl), budget: "—" },
    { figure: `the page's HTML: first byte [${each(firstByte)}]`, measured: ms(med(firstByte)), floor: "—", ratio: "—", budget: "—" },
    { figure: `the page's HTML: last byte [${each(lastByte)}]`, measured: ms(med(lastByte)), floor: "—", ratio: "—", budget: "—" },
    { figure: `"Saved" shown`, measured: ms(med(savedAt)), floor: "—", ratio: "—", budget: "—" },
    { figure: `first-load JS: the page's own ${pageOwn.length} scripts (in its HTML), gzip as served`, measured: kb(pageWire), floor: "0 KB", ratio: "—", budget: `< ${BUDGET_JS_BYTES / 1024} KB ${pageWire < BUDGET_JS_BYTES ? "(met)" : "(MISSED)"}` },
    { figure: `JS fetched in a no-scroll load, ${counted.length} scripts (the page's, then the editor's code it fetches as it starts), gzip as served (${[...encodings].join("/")}; raw ones at gzip -6)`, measured: kb(wire), floor: "0 KB", ratio: "—", budget: "—" },
    { figure: "first-load JS, CDP encodedDataLength (incl. headers)", measured: kb(cdpBytes), floor: "—", ratio: "—", budget: "—" },
    { figure: "first-load JS, uncompressed", measured: kb(rawBytes), floor: "—", ratio: "—", budget: "—" },
    { figure: "document HTML (CDP encodedDataLength)", measured: kb(still[0]!.htmlBytes), floor: "—", ratio: "—", budget: "—" },
  ]);
  console.log(`Mermaid chunks at first load (excluded): ${mermaidAtLoad.length}; loaded only once diagrams were on screen: ${lazy.size} scripts, ${kb(lazyGzip)} gzip (${lazyMermaid} carry Mermaid's diagram names)`);
  if (uncompressed.length) console.log(`scripts the server sent without gzip (counted at their gzip -6 size): ${uncompressed.join(", ")}`);
  console.log(`floor (static HTML) runs: DOMContentLoaded ${floor.dcl.map((x) => x.toFixed(1)).join(", ")} ms; first contentful paint as presented ${floor.fcp.map((x) => x.toFixed(1)).join(", ")} ms`);
  console.log("first-load scripts, largest first (gzip -6, local):");
  for (const s of [...counted].sort((a, b) => b.body.length - a.body.length)) console.log(`  ${kb(gzipSync(s.body).length).padStart(9)}  ${new URL(s.url).pathname}`);
  if (errors.length) console.log(`problems seen in the page (${errors.length}):\n  ${[...new Set(errors)].slice(0, 12).join("\n  ")}`);
  return { heap: med(heaps) };
}

await runBench("editor-load", async () => {
  const app = await startApp();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  onCleanup("close Chromium", () => browser.close());
  const signer = await browser.newContext();
  await signIn(signer.request, app);
  const storageState = await signer.storageState();
  await signer.close();
  const heaps = new Map<number, number>();
  for (const size of SIZES) heaps.set(size, (await measure(app, browser, storageState, size)).heap);
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  if (small !== large) {
    const r = heaps.get(large)! / heaps.get(small)!;
    console.log(`\nJS heap after load, ${large} sections against ${small}: ${mb(heaps.get(large)!)} / ${mb(heaps.get(small)!)} = ${r.toFixed(2)}× (goal ≤ ${BUDGET_HEAP_RATIO}×: ${r <= BUDGET_HEAP_RATIO ? "met" : "MISSED"})`);
  }
  console.log("keystroke latency to a second browser: bench/collab-latency.ts");
  if (app.problems.length) console.log(`app warnings/errors (${app.problems.length}):\n  ${[...new Set(app.problems)].slice(0, 10).join("\n  ")}`);
  // 13 loads of each size, a 200-section sweep alone taking 10 s: about 3 minutes a size
}, 300_000 * SIZES.length);
