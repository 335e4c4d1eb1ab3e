import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { SCREEN_MERMAID_CONFIG } from "../../mermaid/screenLook";
import { PRINT_FONT } from "./css";

/** A diagram as vector SVG, or why Mermaid could not draw it. */
export type DiagramResult = { svg: string } | { error: string };

/**
 * `print`: for PDF, in the print font; `screen`: as the browser draws it on the document
 * page (the drawings cached by lib/diagrams).
 */
export type DiagramLook = "print" | "screen";

// strict: labels are sanitised and no click handlers run; SVG text labels so PDF text stays selectable
const LOOKS: Record<DiagramLook, object> = {
  print: { startOnLoad: false, securityLevel: "strict", htmlLabels: false, flowchart: { htmlLabels: false }, fontFamily: PRINT_FONT, themeVariables: { fontFamily: PRINT_FONT } },
  screen: SCREEN_MERMAID_CONFIG,
};

const CACHE_LIMIT = 200;
/** Rendered diagrams by look and source; the same source always draws the same SVG. */
const cache = new Map<string, DiagramResult>();
const pages = new WeakMap<Browser, Map<DiagramLook, Promise<Page>>>();
let queue: Promise<unknown> = Promise.resolve();
let bundle: string | undefined;

/** Mermaid's browser bundle, read from node_modules once (the page has no network). */
function mermaidBundle(): string {
  if (bundle === undefined) {
    // resolved at run time from the app's root, so a bundler leaves the 3 MB file alone
    const fromRoot = createRequire(path.join(process.cwd(), "package.json"));
    bundle = readFileSync(path.join(path.dirname(fromRoot.resolve("mermaid/package.json")), "dist", "mermaid.min.js"), "utf8");
  }
  return bundle;
}

/** One page per browser and look with Mermaid loaded, kept open: loading the bundle costs more than a diagram. */
function mermaidPage(browser: Browser, look: DiagramLook): Promise<Page> {
  const ofBrowser = pages.get(browser) ?? new Map<DiagramLook, Promise<Page>>();
  pages.set(browser, ofBrowser);
  let page = ofBrowser.get(look);
  if (!page) {
    page = (async () => {
      const p = await browser.newPage();
      await p.route("**/*", (route) => route.abort());
      await p.setContent("<!doctype html><html><head><meta charset=\"utf-8\"></head><body></body></html>");
      await p.addScriptTag({ content: mermaidBundle() });
      await p.evaluate((config) => {
        const m = (window as unknown as { mermaid: { initialize(config: object): void } }).mermaid;
        m.initialize(config);
      }, LOOKS[look]);
      return p;
    })();
    ofBrowser.set(look, page);
    page.catch(() => ofBrowser.delete(look));
  }
  return page;
}

/** SVG ids (and the CSS and arrow markers scoped by them) follow the source, so diagrams drawn apart never clash. */
function diagramId(source: string): string {
  return `mermaid-${createHash("sha256").update(source).digest("hex").slice(0, 16)}`;
}

async function renderInPage(page: Page, sources: string[]): Promise<DiagramResult[]> {
  const jobs = sources.map((source) => ({ id: diagramId(source), source }));
  return page.evaluate(async (list) => {
    const m = (window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
    const out: ({ svg: string } | { error: string })[] = [];
    for (const { id, source } of list) {
      try {
        out.push({ svg: (await m.render(id, source)).svg });
      } catch (error) {
        out.push({ error: error instanceof Error ? error.message : String(error) });
      } finally {
        // a failed render leaves its scratch element behind
        document.getElementById(`d${id}`)?.remove();
        document.getElementById(id)?.remove();
      }
    }
    return out;
  }, jobs);
}

/**
 * Draws Mermaid sources as SVG in the shared browser (Mermaid needs a real DOM to measure
 * text), in the print look unless told otherwise. Results are cached by look and source;
 * renders run one batch at a time because Mermaid keeps global state. A source Mermaid
 * rejects comes back as `{ error }`, never thrown.
 */
export async function renderDiagrams(browser: Browser, sources: string[], look: DiagramLook = "print"): Promise<Map<string, DiagramResult>> {
  const key = (source: string) => `${look}\n${source}`;
  const missing = [...new Set(sources)].filter((s) => !cache.has(key(s)));
  if (missing.length) {
    const run = queue.then(async () => {
      const page = mermaidPage(browser, look);
      const results = await renderInPage(await page, missing).catch(async (error: unknown) => {
        // the page crashed or was closed: start a fresh one next time
        if (pages.get(browser)?.get(look) === page) pages.get(browser)?.delete(look);
        await (await page.catch(() => undefined))?.close().catch(() => undefined);
        throw error;
      });
      for (const [i, source] of missing.entries()) {
        if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        cache.set(key(source), results[i]!);
      }
    });
    queue = run.catch(() => undefined);
    await run;
  }
  return new Map(sources.map((s) => [s, cache.get(key(s)) ?? { error: "The diagram could not be drawn." }]));
}
