import type { Browser, BrowserContext, Page } from "playwright-core";
import { codeLanguage, loadHighlighter } from "../../editor/codeHighlight";
import { walk } from "../../editor/schema";
import { ServiceUnavailable } from "../../errors";
import type { PrintableDocument } from "../exportable";
import { escapeHtml } from "./bodyHtml";
import { PAGE_MARGIN, PRINT_FONT } from "./css";
import { renderPrintHtml } from "./html";
import type { PaperFormat } from "./inputs";
import { renderDiagrams } from "./mermaid";
import { destinationPages } from "./pdfDestinations";
import { sharedBrowser, withRenderSlot } from "./browser";

export interface PdfOptions {
  format: PaperFormat;
  /** whole render, waiting for a slot included; default 60 s */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Every Mermaid source in the document, in reading order. */
export function mermaidSources(doc: PrintableDocument): string[] {
  const sources: string[] = [];
  for (const section of doc.sections) {
    walk(section.body, (node) => {
      if (node.type === "mermaid" && typeof node.attrs?.source === "string") sources.push(node.attrs.source);
    });
  }
  return sources;
}

function namesACodeLanguage(doc: PrintableDocument): boolean {
  let found = false;
  for (const section of doc.sections) walk(section.body, (node) => void (found ||= node.type === "codeBlock" && !!codeLanguage(node.attrs)));
  return found;
}

/** Title left, page x of y right; Chromium fills the pageNumber/totalPages spans. */
export function footerTemplate(title: string): string {
  const font = PRINT_FONT.replace(/"/g, "'");
  return `<div style="font-family:${font};font-size:9px;color:#64748b;width:100%;margin:0 ${PAGE_MARGIN.left};display:flex;justify-content:space-between;gap:12px">
<span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${escapeHtml(title)}</span>
<span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/** page.pdf options shared by the export and the benchmark's bare print. */
export function pdfOptions(title: string, format: PaperFormat) {
  return {
    format,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate: footerTemplate(title),
    margin: PAGE_MARGIN,
    outline: true,
  };
}

const contexts = new WeakMap<Browser, Promise<BrowserContext>>();

/**
 * A fresh page that runs no script and loads nothing from the network: everything it shows
 * is inline. Pages share one such context per browser (a context costs ~200 ms; nothing
 * is kept in it between documents). Close the page when done.
 */
export async function offlinePage(browser: Browser): Promise<Page> {
  let context = contexts.get(browser);
  if (!context) {
    context = browser.newContext({ javaScriptEnabled: false }).then(async (created) => {
      await created.route("**/*", (route) => route.abort());
      return created;
    });
    contexts.set(browser, context);
    context.catch(() => contexts.delete(browser));
  }
  return (await context).newPage();
}

async function print(browser: Browser, doc: PrintableDocument, format: PaperFormat, signal: AbortSignal): Promise<Uint8Array> {
  const diagrams = await renderDiagrams(browser, mermaidSources(doc));
  if (namesACodeLanguage(doc)) await loadHighlighter();
  signal.throwIfAborted();
  const page = await offlinePage(browser);
  // a render past its time limit closes its page, so it ends and frees its slot at once
  const abandon = () => void page.close().catch(() => undefined);
  signal.addEventListener("abort", abandon, { once: true });
  if (signal.aborted) abandon();
  try {
    const options = pdfOptions(doc.title, format);
    // first pass: where each heading lands; the page numbers then fill room already kept for them
    await page.setContent(renderPrintHtml(doc, diagrams), { waitUntil: "load" });
    const draft = await page.pdf(options);
    const pages = destinationPages(draft, "section-\\d+");
    if (!pages.size) return draft;
    await page.setContent(renderPrintHtml(doc, diagrams, pages), { waitUntil: "load" });
    return await page.pdf(options);
  } finally {
    signal.removeEventListener("abort", abandon);
    await page.close().catch(() => undefined);
  }
}

function timeout(ms: number): { promise: Promise<never>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ServiceUnavailable(`Rendering the PDF took longer than ${Math.round(ms / 1000)} seconds. Try again in a moment.`)), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/**
 * Prints a document to PDF in the process's shared Chromium: cover, contents with page
 * numbers and links, sections, Mermaid as vector SVG, title and page x of y in the footer.
 * At most two renders run at once. Pure of permissions (the caller checks). Throws
 * ServiceUnavailable when Chromium is missing, cannot start, or the render times out.
 */
export async function renderDocumentPdf(doc: PrintableDocument, options: PdfOptions): Promise<Uint8Array> {
  const limit = timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const abort = new AbortController();
  limit.promise.catch(() => abort.abort());
  try {
    const browser = await Promise.race([sharedBrowser(), limit.promise]);
    return await Promise.race([withRenderSlot(() => print(browser, doc, options.format, abort.signal)), limit.promise]);
  } finally {
    limit.clear();
  }
}
