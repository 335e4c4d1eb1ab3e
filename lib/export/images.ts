import type { Ctx } from "../context";
import type { PMDoc } from "../editor/schema";
import { loadDocumentImages } from "../images/getImage";
import { exportImagePath, imageIdOf, imageIdsIn, imageSrc, mapImageSrcs } from "../images/paths";
import type { ExportableDocument } from "./markdown";

/** An image file written beside an exported Markdown file. */
export interface ExportedImage {
  /** relative to the Markdown file: `images/<id>.<ext>` */
  path: string;
  bytes: Uint8Array;
}

/** A relative path that names a file inside the folder it is relative to (no `..`, no scheme, not absolute). */
function isInsidePath(path: string): boolean {
  const parts = path.replace(/^\.\//, "").split("/");
  return !/^[a-z][a-z0-9+.-]*:|^\//i.test(path) && !path.includes("\\") && parts.every((p) => p !== "" && p !== "." && p !== "..");
}

function idsOf(doc: ExportableDocument): string[] {
  return [...new Set(doc.sections.flatMap((s) => imageIdsIn(s.body)))];
}

function withBodies<T extends ExportableDocument>(doc: T, rewrite: (src: string) => string | null): T {
  return { ...doc, sections: doc.sections.map((s) => ({ ...s, body: mapImageSrcs<PMDoc>(s.body, rewrite) })) };
}

/**
 * The document with each uploaded image's src made a relative path (`images/<id>.png`, or
 * the path an imported file wrote for it; `bundled`, as files are written beside the
 * Markdown, only when that path stays inside the folder), and the files those paths name. An image of another workspace (or gone) keeps its src and
 * is not written. No permission check: `doc` was loaded through `loadPrintable`.
 */
export async function exportImages<T extends ExportableDocument>(ctx: Ctx, documentId: string, doc: T, options: { bundled: boolean }): Promise<{ doc: T; images: ExportedImage[] }> {
  const found = await loadDocumentImages(ctx, documentId, idsOf(doc));
  const written = doc.layout?.images ?? {};
  // an imported image keeps the path its file wrote; in a bundle, only while that path stays inside its folder
  const pathOf = (image: { id: string; mime: string }): string => {
    const original = written[imageSrc(image.id)];
    return original && (!options.bundled || isInsidePath(original)) ? original : exportImagePath(image.id, image.mime);
  };
  const images = [...found.values()].map((image) => ({ path: pathOf(image), bytes: image.bytes }));
  const rewrite = (src: string) => {
    const image = found.get(imageIdOf(src) ?? "");
    return image ? pathOf(image) : null;
  };
  return { doc: withBodies(doc, rewrite), images };
}

/**
 * The document with each uploaded image's src replaced by its bytes as a data: URI, so
 * the printer needs neither a cookie nor the network. Other srcs are left for the printer
 * to show as alt text. No permission check: `doc` was loaded through `loadPrintable`.
 */
export async function embedImages<T extends ExportableDocument>(ctx: Ctx, documentId: string, doc: T): Promise<T> {
  const found = await loadDocumentImages(ctx, documentId, idsOf(doc));
  if (!found.size) return doc;
  return withBodies(doc, (src) => {
    const image = found.get(imageIdOf(src) ?? "");
    return image ? `data:${image.mime};base64,${Buffer.from(image.bytes).toString("base64")}` : null;
  });
}
