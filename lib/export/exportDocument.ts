import type { Ctx } from "../context";
import { DocumentRef } from "../documents/inputs";
import { loadPrintable, slugify } from "./exportable";
import { embedImages, exportImages, type ExportedImage } from "./images";
import { renderDocumentMarkdown } from "./markdown";
import { PdfExportInput } from "./pdf/inputs";
import { renderDocumentPdf } from "./pdf/renderPdf";

export interface MarkdownExport {
  /** slug of the title + ".md", ASCII only so it fits a Content-Disposition header as is */
  filename: string;
  markdown: string;
  /** the uploaded images the Markdown refers to by relative path (`images/<id>.png`) */
  images: ExportedImage[];
}

export interface PdfExport {
  /** slug of the title + ".pdf", ASCII only */
  filename: string;
  pdf: Uint8Array;
}

/**
 * A document as a Markdown file: field labels from the template version it was written
 * against, people as names, the content hash approvals bind to, and each reviewer's latest
 * decision with the hash it approved. An image imported from a zip keeps the path its file
 * wrote (`bundled`: for a zip that writes the images beside it, only a path inside its
 * folder; others become `images/<id>.<ext>`). Requires `document.export`; NotFound for a document
 * that does not exist or is outside the actor's workspaces.
 */
export async function exportDocumentMarkdown(ctx: Ctx, raw: DocumentRef, options: { bundled: boolean } = { bundled: false }): Promise<MarkdownExport> {
  const { documentId } = DocumentRef.parse(raw);
  const { doc, images } = await exportImages(ctx, documentId, await loadPrintable(ctx, documentId), options);
  return { filename: `${slugify(doc.title)}.md`, markdown: renderDocumentMarkdown(doc), images };
}

/**
 * A document as a PDF printed by headless Chromium: a cover with the document-control
 * fields and the approvals with their hashes, a contents page, diagrams as vector SVG.
 * Requires `document.export`; NotFound as for Markdown; ServiceUnavailable when Chromium
 * is missing, cannot start, or the render times out.
 */
export async function exportDocumentPdf(ctx: Ctx, raw: PdfExportInput): Promise<PdfExport> {
  const { documentId, format } = PdfExportInput.parse(raw);
  const doc = await embedImages(ctx, documentId, await loadPrintable(ctx, documentId));
  return { filename: `${slugify(doc.title)}.pdf`, pdf: await renderDocumentPdf(doc, { format }) };
}
