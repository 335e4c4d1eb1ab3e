import { downloadRoute } from "@/app/_server/downloadRoute";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";

// GET /api/documents/:documentId/export.md — the document as a Markdown download
export const GET = downloadRoute<{ documentId: string }>(async (ctx, { documentId }) => {
  const { filename, markdown } = await exportDocumentMarkdown(ctx, { documentId });
  return { body: markdown, contentType: "text/markdown; charset=utf-8", filename };
});
