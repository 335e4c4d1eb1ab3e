// Export of the largest seed document (the Software Design Document built-in, as a new
// document is created from it, with two sign-off decisions), run in this process against
// its own embedded PostgreSQL and the system Chromium:
//  - Markdown: the whole use case (load, resolve names and approvals, serialise), median of
//    30 runs after 5 warm-ups. Floor: one Prisma query reading the document's sections.
//  - PDF: the whole use case (load, diagrams, two print passes for the contents' page
//    numbers), median of 5 runs in the warm shared browser; the first export, which launches
//    Chromium and loads Mermaid, is shown on its own. Floor: a bare page.setContent +
//    page.pdf of the same HTML (diagrams already drawn) in the same browser, median of 5.
//   npx tsx bench/export.ts
import type { Ctx } from "../lib/context";
import type { createDb } from "../lib/db";
import { createDocument } from "../lib/documents/createDocument";
import { loadPrintable } from "../lib/export/exportable";
import { exportDocumentMarkdown, exportDocumentPdf } from "../lib/export/exportDocument";
import { renderDocumentMarkdown } from "../lib/export/markdown";
import { closePdfBrowser, sharedBrowser } from "../lib/export/pdf/browser";
import { renderPrintHtml } from "../lib/export/pdf/html";
import { renderDiagrams } from "../lib/export/pdf/mermaid";
import { mermaidSources, offlinePage, pdfOptions } from "../lib/export/pdf/renderPdf";
import { assignReviewer, decide, submitForReview } from "../lib/review/review";
import { listTemplates } from "../lib/templates/templates";
import { benchDatabase } from "./support/database";
import { median, ms, onCleanup, printTable, ratio, runBench } from "./support/harness";

const SDD = "software-design-document";
const MD_RUNS = 30;
const PDF_RUNS = 5;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function samples(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await timed(fn));
  return out;
}

async function seed(ctx: (userId: string, name: string) => Ctx, db: ReturnType<typeof createDb>) {
  const [owner, reviewer] = await Promise.all(["Owner", "Reviewer"].map((name, i) => db.user.create({ data: { email: `bench-${i}@example.test`, name } })));
  const ws = await db.workspace.create({ data: { slug: "bench", name: "Bench", memberships: { create: [{ userId: owner!.id, role: "owner" }, { userId: reviewer!.id, role: "editor" }] } } });
  const ownerCtx = ctx(owner!.id, owner!.name);
  const templateId = (await listTemplates(ownerCtx, { slug: ws.slug })).find((t) => t.key === SDD)!.id;
  const { id: documentId } = await createDocument(ownerCtx, { slug: ws.slug, templateId, title: "Payments Ledger" });
  for (const roleKey of ["architecture_review", "security_review"]) {
    await assignReviewer(ownerCtx, { documentId, roleKey, reviewerId: reviewer!.id });
  }
  await submitForReview(ownerCtx, { documentId, overrideReason: "bench" });
  for (const roleKey of ["architecture_review", "security_review"]) {
    await decide(ctx(reviewer!.id, reviewer!.name), { documentId, roleKey, decision: "approved" });
  }
  return { ownerCtx, documentId };
}

await runBench("export", async () => {
  const { url, db } = await benchDatabase("export");
  process.env.DATABASE_URL = url;
  onCleanup("close Chromium", () => closePdfBrowser());
  const ctx = (userId: string, name: string): Ctx => ({ actor: { userId, name, email: `${name}@example.test` }, db });
  const { ownerCtx, documentId } = await seed(ctx, db);

  // Markdown
  await samples(5, () => exportDocumentMarkdown(ownerCtx, { documentId }));
  const markdown = await samples(MD_RUNS, () => exportDocumentMarkdown(ownerCtx, { documentId }));
  const sectionsQuery = await samples(MD_RUNS, () => db.section.findMany({ where: { documentId }, orderBy: { position: "asc" } }));
  const { markdown: md } = await exportDocumentMarkdown(ownerCtx, { documentId });
  const printable = await loadPrintable(ownerCtx, documentId);
  const loading = await samples(MD_RUNS, () => loadPrintable(ownerCtx, documentId));
  const serialising = await samples(MD_RUNS, async () => renderDocumentMarkdown(printable));

  // PDF
  const first = await timed(() => exportDocumentPdf(ownerCtx, { documentId }));
  const pdf = await samples(PDF_RUNS, () => exportDocumentPdf(ownerCtx, { documentId }));
  const { pdf: bytes } = await exportDocumentPdf(ownerCtx, { documentId });
  const doc = await loadPrintable(ownerCtx, documentId);
  const browser = await sharedBrowser();
  const html = renderPrintHtml(doc, await renderDiagrams(browser, mermaidSources(doc)));
  const page = await offlinePage(browser);
  const bare = await samples(PDF_RUNS, async () => {
    await page.setContent(html, { waitUntil: "load" });
    await page.pdf(pdfOptions(doc.title, "A4"));
  });
  await page.close();

  console.log(`document: ${doc.sections.length} sections, ${mermaidSources(doc).length} Mermaid diagrams, ${doc.reviewers.length} decisions; Markdown ${(md.length / 1024).toFixed(1)} KB, PDF ${(bytes.length / 1024).toFixed(1)} KB, HTML ${(html.length / 1024).toFixed(1)} KB`);
  printTable("Export of the Software Design Document built-in", [
    { figure: `Markdown export, median of ${MD_RUNS}`, measured: ms(median(markdown)), floor: `${ms(median(sectionsQuery))} (sections query)`, ratio: ratio(median(markdown), median(sectionsQuery)), budget: "< 50 ms" },
    { figure: "  of which loading (database)", measured: ms(median(loading)), floor: "", ratio: "", budget: "" },
    { figure: "  of which writing Markdown", measured: ms(median(serialising)), floor: "", ratio: "", budget: "" },
    { figure: `PDF export, median of ${PDF_RUNS} (warm browser)`, measured: ms(median(pdf)), floor: `${ms(median(bare))} (bare setContent + page.pdf)`, ratio: ratio(median(pdf), median(bare)), budget: "< 3000 ms" },
    { figure: "first PDF export (launches Chromium, loads Mermaid)", measured: ms(first), floor: `${ms(median(bare))} (bare setContent + page.pdf)`, ratio: ratio(first, median(bare)), budget: "—" },
  ]);
});
