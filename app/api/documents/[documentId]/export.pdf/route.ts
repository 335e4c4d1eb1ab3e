import { downloadRoute } from "@/app/_server/downloadRoute";
import { exportDocumentPdf } from "@/lib/export/exportDocument";

// GET /api/documents/:documentId/export.pdf?format=A4|Letter — the document printed by headless Chromium
export const GET = downloadRoute<{ documentId: string }>(async (ctx, { documentId }, url) => {
  const { filename, pdf } = await exportDocumentPdf(ctx, { documentId, format: url.searchParams.get("format") ?? undefined });
  return { body: pdf, contentType: "application/pdf", filename };
});
