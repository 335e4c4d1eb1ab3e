import { downloadRoute } from "@/app/_server/downloadRoute";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";

// GET /api/documents/:documentId/export.md[?suggestions=criticmarkup] — the document as a Markdown
// download: the accepted text, or with open suggestions as CriticMarkup
export const GET = downloadRoute<{ documentId: string }>(async (ctx, { documentId }, url) => {
  const { filename, markdown } = await exportDocumentMarkdown(ctx, { documentId, suggestions: url.searchParams.get("suggestions") ?? undefined });
  return { body: markdown, contentType: "text/markdown; charset=utf-8", filename };
});
