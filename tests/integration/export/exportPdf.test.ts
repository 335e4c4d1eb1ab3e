import { afterAll, describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument } from "@/lib/documents/documents";
import { hashSections } from "@/lib/documents/contentHash";
import { NotFound, ServiceUnavailable } from "@/lib/errors";
import { exportDocumentPdf } from "@/lib/export/exportDocument";
import { closePdfBrowser } from "@/lib/export/pdf/browser";
import { loadPrintable } from "@/lib/export/exportable";
import { renderDocumentPdf } from "@/lib/export/pdf/renderPdf";
import { assignReviewer, decide, submitForReview } from "@/lib/review/review";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { pdfPages, rasterImageCount } from "../../support/pdf";

const SDD = "software-design-document";
const RENDER_TIMEOUT = 180_000;

afterAll(() => closePdfBrowser());

/** An SDD (Mermaid flowcharts included) in review, with an approval for the whole document and one scoped to security. */
async function approvedSdd() {
  const ws = await makeWorkspace(["editor", "editor", "viewer"]);
  const owner = ctxFor(ws.owner);
  const templateId = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === SDD)!.id;
  const { id: documentId } = await createDocument(owner, { slug: ws.slug, templateId, title: "Payments Ledger" });
  const [architect, security] = ws.members.editor as [typeof ws.owner, typeof ws.owner];
  await assignReviewer(owner, { documentId, roleKey: "architecture_review", reviewerId: architect.userId });
  await assignReviewer(owner, { documentId, roleKey: "security_review", reviewerId: security.userId });
  await submitForReview(owner, { documentId, overrideReason: "Starter text is fine for this test." });
  await decide(ctxFor(architect), { documentId, decision: "approved", roleKey: "architecture_review" });
  await decide(ctxFor(security), { documentId, decision: "approved", roleKey: "security_review" });
  return { ws, owner, documentId, architect, security };
}

/** pdftotext breaks lines where the page does; compare without any whitespace. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

describe("exporting a document as PDF", () => {
  it("leaves the template's Status field off the cover's document control: the workflow status is printed once", async () => {
    const { owner, documentId } = await approvedSdd();
    const printable = await loadPrintable(owner, documentId);
    expect(printable.status).toBe("in_review");
    expect(printable.control.map((f) => f.label)).toContain("Project Name");
    expect(printable.control.map((f) => f.label)).not.toContain("Status");
  });

  it(
    "prints the cover with the approvals and their hashes, every section heading, and diagrams as vector drawings",
    async () => {
      const { owner, documentId, architect, security } = await approvedSdd();
      const doc = await getDocument(owner, { documentId });
      const { filename, pdf } = await exportDocumentPdf(owner, { documentId });

      expect(filename).toBe("payments-ledger.pdf");
      expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
      const pages = pdfPages(pdf);
      const text = pages.join("\n");
      const flat = squeeze(text);

      // cover: title, status, document control, approvals with the hash each one decided on, and the document's own
      const cover = pages[0]!;
      expect(cover).toContain("Payments Ledger");
      expect(cover).toContain("In Review");
      // the template's own Status field would say Draft: the cover prints the workflow status only
      expect(cover).not.toContain("Draft");
      expect(cover).toContain("Document control");
      expect(cover).toContain("Project Name");
      expect(cover).toContain(`${architect.name}`);
      expect(cover).toContain(`${security.name}`);
      expect(cover).toContain("Architecture Review");
      expect(cover).toContain("Security Review");
      const approvals = await testDb().approval.findMany({ where: { documentId } });
      expect(approvals).toHaveLength(2);
      for (const approval of approvals) expect(squeeze(cover)).toContain(approval.contentHash);
      const documentHash = hashSections(doc.sections);
      expect(squeeze(cover)).toContain(documentHash);
      // the security approval covers only its sections, so its hash differs from the document's
      expect(new Set(approvals.map((a) => a.contentHash)).size).toBe(2);

      // contents: every section with the page its heading is on
      const contents = pages[1]!;
      expect(contents).toContain("Contents");
      for (const section of doc.sections) expect(flat).toContain(squeeze(section.title));
      const firstSection = doc.sections[0]!.title;
      const landed = pages.findIndex((p, i) => i > 1 && squeeze(p).includes(squeeze(firstSection))) + 1;
      expect(landed).toBeGreaterThan(2);
      expect(squeeze(contents)).toContain(`${squeeze(firstSection)}${landed}`);

      // Mermaid: node labels are text of the drawing, the source and any error text are not printed
      for (const label of ["Static assets", "App instances", "Web server", "Services"]) expect(text).toContain(label);
      expect(text).not.toMatch(/Syntax error|could not be drawn/i);
      expect(text).not.toContain("-->");
      expect(rasterImageCount(pdf)).toBe(0);

      // footer: title and page x of y on every page
      expect(pages.length).toBeGreaterThan(5);
      pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    },
    RENDER_TIMEOUT,
  );

  it(
    "prints on Letter paper when asked, and refuses other sizes and outsiders",
    async () => {
      const ws = await makeWorkspace(["viewer"]);
      const owner = ctxFor(ws.owner);
      const templateId = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === SDD)!.id;
      const { id: documentId } = await createDocument(owner, { slug: ws.slug, templateId });
      const { pdf } = await exportDocumentPdf(ctxFor(ws.members.viewer[0]!), { documentId, format: "letter" });
      // Letter is 612 × 792 points; A4 would be 595.28 × 841.89
      expect(Buffer.from(pdf).toString("latin1")).toMatch(/\/MediaBox \[0 0 612 792\]/);

      await expect(exportDocumentPdf(owner, { documentId, format: "A3" })).rejects.toMatchObject({ name: "ZodError" });
      const outsider = await makeWorkspace();
      await expect(exportDocumentPdf(ctxFor(outsider.owner), { documentId })).rejects.toBeInstanceOf(NotFound);
    },
    RENDER_TIMEOUT,
  );

  it(
    "gives up a render past its time limit at once, freeing its slot for the next export",
    async () => {
      const ws = await makeWorkspace();
      const owner = ctxFor(ws.owner);
      const templateId = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === SDD)!.id;
      const { id: documentId } = await createDocument(owner, { slug: ws.slug, templateId });
      const doc = await loadPrintable(owner, documentId);
      await renderDocumentPdf(doc, { format: "A4" }); // a warm browser, diagrams drawn once
      // how long a whole print takes now, on this machine as loaded as it is
      const started = performance.now();
      await renderDocumentPdf(doc, { format: "A4" });
      const whole = performance.now() - started;
      const slots = globalThis as unknown as { specwrightPdfBrowser: { running: number } };

      const late = await renderDocumentPdf(doc, { format: "A4", timeoutMs: 150 }).catch((e: unknown) => e);
      expect(late).toBeInstanceOf(ServiceUnavailable);
      // the abandoned print closed its page instead of running on for its two passes: its slot
      // is free well before a whole print would have ended
      await expect.poll(() => slots.specwrightPdfBrowser.running, { timeout: Math.max(800, whole / 2), interval: 20 }).toBe(0);
      const { pdf } = await exportDocumentPdf(owner, { documentId });
      expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    },
    RENDER_TIMEOUT,
  );

  it("answers ServiceUnavailable, saying what to install, when CHROMIUM_PATH names a missing browser", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const templateId = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === SDD)!.id;
    const { id: documentId } = await createDocument(owner, { slug: ws.slug, templateId });
    await closePdfBrowser();
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      const error = await exportDocumentPdf(owner, { documentId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceUnavailable);
      expect((error as Error).message).toMatch(/\/nonexistent\/chromium/);
      expect((error as Error).message).toMatch(/apt-get install chromium/);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });
});
