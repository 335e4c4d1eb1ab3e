import { z } from "zod";
import type { Ctx } from "../context";
import { DocumentRef } from "../documents/inputs";
import { loadPrintable, slugify } from "./exportable";
import { embedImages, exportImages, type ExportedImage } from "./images";
import { renderDocumentMarkdown } from "./markdown";
import { PdfExportInput } from "./pdf/inputs";
import { renderDocumentPdf } from "./pdf/renderPdf";
import { criticMarkup } from "../suggestions/criticMarkup";

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
 * folder; others become `images/<id>.<ext>`). Open suggestions are left out, or written as
 * CriticMarkup with `suggestions: "criticmarkup"`. Requires `document.export`; NotFound for a document
 * that does not exist or is outside the actor's workspaces.
 */
export async function exportDocumentMarkdown(ctx: Ctx, raw: MarkdownExportInput, options: { bundled: boolean } = { bundled: false }): Promise<MarkdownExport> {
  const { documentId, suggestions } = MarkdownExportInput.parse(raw);
  const { doc, images } = await exportImages(ctx, documentId, await loadPrintable(ctx, documentId, { suggestions }), options);
  const markdown = renderDocumentMarkdown(doc);
  return { filename: `${slugify(doc.title)}.md`, markdown: suggestions === "criticmarkup" ? criticMarkup(markdown) : markdown, images };
}

/** `?suggestions=criticmarkup` writes open suggestions as CriticMarkup; without it, the accepted text. */
export const MarkdownExportInput = DocumentRef.extend({ suggestions: z.enum(["accepted", "criticmarkup"]).default("accepted") });
/** As a caller passes it: `suggestions` is checked by the schema (a 400 for anything else). */
export type MarkdownExportInput = { documentId: string; suggestions?: string };

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
