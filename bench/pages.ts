// Where people wait, timed against floors from the same run (the production build on its own
// embedded PostgreSQL, signed in as the demo user):
//  - the document list of a workspace with 1,000 documents: server time of the page
//    (GET /w/demo, the whole HTML) and of its JSON (GET /api/workspaces/demo/documents), and
//    of a search (`q`), median of 15 each, beside the bare SQL of one page of the list (the
//    same database, from this process) and GET /api/ready (the app's own floor: one query);
//  - compare: two versions of the Software Design Document template (101 sections) with one
//    field changed between them: the history page comparing them and the JSON diff, median
//    of 7, beside reading both versions through the API;
//  - a template diagram coming on screen in headless Chromium: from scrolling it into view
//    to its drawing, once the server has drawn the document's diagrams (the page brings the
//    drawings, lib/diagrams), for the first diagram scrolled to as soon as the page shows
//    "Saved" and 3 s later, and the next ones, beside
//    `mermaid.render` of the same sources in a blank page of the same browser.
// The PDF is timed in export.ts.
//   npx tsx bench/pages.ts
import path from "node:path";
import { chromium, request as playwrightRequest, type APIRequestContext, type BrowserContext } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium";
import { checkBuild, createDocument, REPO_ROOT, signIn, startApp, type RunningApp } from "./support/app";
import { BROWSER_NAME_SHIM, median, ms, onCleanup, printTable, ratio, runBench, type Row } from "./support/harness";

const DOCUMENTS = 1_000;
const LIST_RUNS = 15;
const COMPARE_RUNS = 7;
const DIAGRAMS = 4;
const BUDGET_LIST_MS = 300;
const BUDGET_COMPARE_MS = 500;
const BUDGET_DIAGRAM_MS = 300;
/** a person who reads the top of the page before scrolling to a diagram */
const READ_FIRST_MS = 3_000;

/** Median wall time of `runs` calls of `fn` (one warm-up call first). */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** GET `url` and read the whole body; throws unless 200. */
async function get(api: APIRequestContext, url: string): Promise<void> {
  const res = await api.get(url);
  if (res.status() !== 200) throw new Error(`GET ${url}: ${res.status()}`);
  await res.body();
}

async function fillWorkspace(api: APIRequestContext, app: RunningApp): Promise<void> {
  const { rows } = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Document"`);
  const templates = ["technical-design", "enterprise-design", "modern-development-workflow"];
  let next = rows[0]!.n;
  const worker = async () => {
    while (next < DOCUMENTS) {
      const i = next++;
      await createDocument(api, app, templates[i % templates.length]!, `Load ${i + 1}: ${i % 7 === 0 ? "payments" : "search"} service`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

/** A named version of `documentId` now; returns its number. */
async function nameVersion(api: APIRequestContext, app: RunningApp, documentId: string, label: string): Promise<number> {
  const res = await api.post(`${app.baseUrl}/api/documents/${documentId}/versions`, { data: { label } });
  if (res.status() !== 201 && res.status() !== 200) throw new Error(`naming a version: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { number: number }).number;
}

/** Changes the project name field of the Software Design Document (through the API, as an edit is made). */
async function changeAField(api: APIRequestContext, app: RunningApp, documentId: string): Promise<void> {
  const doc = (await (await api.get(`${app.baseUrl}/api/documents/${documentId}`)).json()) as { sections: { key: string; fields: Record<string, unknown> }[] };
  const section = doc.sections.find((s) => "project_name" in s.fields);
  if (!section) throw new Error("no project name field to change");
  const res = await api.patch(`${app.baseUrl}/api/documents/${documentId}`, { data: { fields: { [section.key]: { project_name: "Changed for the comparison" } } } });
  if (res.status() !== 200) throw new Error(`changing a field: ${res.status()} ${await res.text()}`);
}

/** Waits until the page of `documentId` brings the drawings of its first DIAGRAMS diagrams (the server draws them in the background). */
async function drawingsCached(api: APIRequestContext, app: RunningApp, documentId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const html = await (await api.get(`${app.baseUrl}/w/demo/d/${documentId}`)).text();
    if ((html.match(/aria-roledescription/g) ?? []).length >= DIAGRAMS) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not draw the document's diagrams within 60 s");
}

interface DiagramTimes {
  first: number;
  next: number;
  sources: string[];
}

/**
 * Scrolls each of the first DIAGRAMS diagram sections into view and times it until drawn;
 * the first scroll comes `readFor` ms after the page shows "Saved" (0: at once).
 */
async function diagramTimes(app: RunningApp, cookie: Parameters<BrowserContext["addCookies"]>[0][number], documentId: string, readFor = 0): Promise<DiagramTimes> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  onCleanup("close browser", () => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([cookie]);
  await context.addInitScript(BROWSER_NAME_SHIM);
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/w/demo/d/${documentId}`);
  await page.getByRole("status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 60_000 });
  if (readFor) await page.waitForTimeout(readFor);
  const times: number[] = [];
  const sources: string[] = [];
  for (let i = 0; i < DIAGRAMS; i++) {
    const result = await page.evaluate(async (index) => {
      const sections = [...document.querySelectorAll("section[data-section-key]")].filter((s) => s.querySelector("[data-type=mermaid], [data-type=mermaid-block]"));
      const section = sections[index];
      if (!section) return null;
      const source = section.querySelector("[data-type=mermaid], [data-type=mermaid-block]")?.textContent ?? "";
      const t0 = performance.now();
      section.scrollIntoView({ block: "center" });
      return new Promise<{ ms: number; source: string; html?: string }>((resolve) => {
        const check = () => {
          const waited = performance.now() - t0;
          if (section.querySelector("[data-testid=mermaid-preview] svg")) resolve({ ms: waited, source });
          else if (waited > 20_000) resolve({ ms: Number.NaN, source, html: section.outerHTML.slice(0, 1500) });
          else {
            // kept in view as a person looking at it would (sections around it change height as their editors start)
            section.scrollIntoView({ block: "center" });
            requestAnimationFrame(check);
          }
        };
        check();
      });
    }, i);
    if (!result) break;
    if (result.html) throw new Error(`diagram ${i + 1} not drawn within 20 s:\n${result.html}`);
    times.push(result.ms);
    sources.push(result.source);
  }
  await context.close();
  if (!times.length) throw new Error("the document has no diagrams");
  return { first: times[0]!, next: median(times.slice(1).length ? times.slice(1) : times), sources };
}

/** mermaid.render of each source in a blank page: the first (Mermaid's start included) and the median of the others. */
async function mermaidFloor(sources: string[]): Promise<{ first: number; next: number }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  onCleanup("close floor browser", () => browser.close());
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.evaluate(BROWSER_NAME_SHIM);
  await page.addScriptTag({ path: path.join(REPO_ROOT, "node_modules", "mermaid", "dist", "mermaid.min.js") });
  const times = await page.evaluate(async (list) => {
    const mermaid = (window as unknown as { mermaid: { initialize(o: object): void; render(id: string, text: string): Promise<unknown> } }).mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    const out: number[] = [];
    for (const [i, source] of list.entries()) {
      const t0 = performance.now();
      await mermaid.render(`floor-${i}`, source).catch(() => undefined);
      out.push(performance.now() - t0);
    }
    return out;
  }, sources);
  await browser.close();
  return { first: times[0]!, next: median(times.slice(1).length ? times.slice(1) : times) };
}

await runBench(
  "pages",
  async () => {
    await checkBuild();
    const app = await startApp();
    onCleanup("stop app", () => app.stop());
    const api = await playwrightRequest.newContext();
    onCleanup("dispose API client", () => api.dispose());
    await signIn(api, app);
    const cookie = (await api.storageState()).cookies.find((c) => c.name.includes("session-token"))!;

    console.log("timing compare…");
    const sdd = await createDocument(api, app, "software-design-document", "Compared");
    const v1 = await nameVersion(api, app, sdd, "before");
    await changeAField(api, app, sdd);
    const v2 = await nameVersion(api, app, sdd, "after");
    const readBoth = await timed(COMPARE_RUNS, () => Promise.all([get(api, `${app.baseUrl}/api/documents/${sdd}/versions/${v1}`), get(api, `${app.baseUrl}/api/documents/${sdd}/versions/${v2}`)]));
    const comparePage = await timed(COMPARE_RUNS, () => get(api, `${app.baseUrl}/w/demo/d/${sdd}/history?from=${v1}&to=${v2}`));
    const compareJson = await timed(COMPARE_RUNS, () => get(api, `${app.baseUrl}/api/documents/${sdd}/versions/diff?from=${v1}&to=${v2}`));

    console.log("timing diagrams coming on screen…");
    // as a reader finds a document stored a while ago: its diagrams drawn by the server (lib/diagrams)
    await drawingsCached(api, app, sdd);
    const diagrams = await diagramTimes(app, cookie, sdd);
    const afterReading = await diagramTimes(app, cookie, sdd, READ_FIRST_MS);
    const floor = await mermaidFloor(diagrams.sources);

    console.log(`filling the workspace to ${DOCUMENTS} documents…`);
    await fillWorkspace(api, app);
    const { rows: ws } = await app.db.query<{ id: string }>(`SELECT id FROM "Workspace" WHERE slug = 'demo'`);
    const workspaceId = ws[0]!.id;
    const bareList = () =>
      app.db.query(
        `SELECT d.*, t.name AS "templateName", u.name AS "ownerName", (SELECT count(*) FROM "Document" c WHERE c."workspaceId" = $1 AND c."deletedAt" IS NULL) AS total
         FROM "Document" d JOIN "Template" t ON t.id = d."templateId" JOIN "User" u ON u.id = d."ownerId"
         WHERE d."workspaceId" = $1 AND d."deletedAt" IS NULL ORDER BY d."updatedAt" DESC LIMIT 20`,
        [workspaceId],
      );
    console.log("timing the list…");
    const ready = await timed(LIST_RUNS, () => get(api, `${app.baseUrl}/api/ready`));
    const sql = await timed(LIST_RUNS, bareList);
    const listPage = await timed(LIST_RUNS, () => get(api, `${app.baseUrl}/w/demo`));
    const listJson = await timed(LIST_RUNS, () => get(api, `${app.baseUrl}/api/workspaces/demo/documents`));
    const filtered = await timed(LIST_RUNS, () => get(api, `${app.baseUrl}/api/workspaces/demo/documents?status=draft&field=Project&value=pay`));
    const search = await timed(LIST_RUNS, () => get(api, `${app.baseUrl}/api/workspaces/demo/documents?q=payments`));

    const met = (value: number, budget: number) => `< ${budget} ms: ${value < budget ? "met" : "MISSED"}`;
    const rows: Row[] = [
      { figure: `document list page (${DOCUMENTS} documents), server`, measured: ms(listPage), floor: `${ms(sql)} SQL`, ratio: ratio(listPage, sql), budget: met(listPage, BUDGET_LIST_MS) },
      { figure: "document list JSON, server", measured: ms(listJson), floor: `${ms(ready)} /api/ready`, ratio: ratio(listJson, ready), budget: met(listJson, BUDGET_LIST_MS) },
      { figure: "document list filtered (status, field by label)", measured: ms(filtered), floor: `${ms(ready)} /api/ready`, ratio: ratio(filtered, ready), budget: met(filtered, BUDGET_LIST_MS) },
      { figure: "document search (q)", measured: ms(search), floor: `${ms(ready)} /api/ready`, ratio: ratio(search, ready), budget: met(search, BUDGET_LIST_MS) },
      { figure: "compare page (101 sections, one change)", measured: ms(comparePage), floor: `${ms(readBoth)} both versions`, ratio: ratio(comparePage, readBoth), budget: met(comparePage, BUDGET_COMPARE_MS) },
      { figure: "compare JSON", measured: ms(compareJson), floor: `${ms(readBoth)} both versions`, ratio: ratio(compareJson, readBoth), budget: met(compareJson, BUDGET_COMPARE_MS) },
      { figure: "first diagram on screen → drawn", measured: ms(diagrams.first), floor: `${ms(floor.first)} render`, ratio: ratio(diagrams.first, floor.first), budget: met(diagrams.first, BUDGET_DIAGRAM_MS) },
      { figure: `first diagram, scrolled to ${READ_FIRST_MS / 1000} s after "Saved"`, measured: ms(afterReading.first), floor: `${ms(floor.first)} render`, ratio: ratio(afterReading.first, floor.first), budget: met(afterReading.first, BUDGET_DIAGRAM_MS) },
      { figure: `next diagrams on screen → drawn (median of ${DIAGRAMS - 1})`, measured: ms(diagrams.next), floor: `${ms(floor.next)} render`, ratio: ratio(diagrams.next, floor.next), budget: met(diagrams.next, BUDGET_DIAGRAM_MS) },
    ];
    printTable("Where people wait: server time of the list and compare, and diagrams drawn as they come on screen (floors from the same run)", rows);
  },
  600_000,
);
