import { downloadRoute } from "@/app/_server/downloadRoute";
import { exportDocumentPdf } from "@/lib/export/exportDocument";
import { limit } from "@/lib/limits/limit";

// GET /api/documents/:documentId/export.pdf?format=A4|Letter — the document printed by headless Chromium;
// each print holds a browser page for seconds, so a person gets a limited number (429 past it)
export const GET = downloadRoute<{ documentId: string }>(async (ctx, { documentId }, url) => {
  await limit("pdfExport", ctx.actor.userId);
  const { filename, pdf } = await exportDocumentPdf(ctx, { documentId, format: url.searchParams.get("format") ?? undefined });
  return { body: pdf, contentType: "application/pdf", filename };
});
