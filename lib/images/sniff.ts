import { fileTypeFromBuffer } from "file-type";
import type { ImageMime } from "./inputs";

const RASTER: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
/** What may come before the root element of an SVG file: a BOM, an XML declaration, comments, a doctype. */
const SVG_PROLOGUE = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>/]/i;

/**
 * The image type the bytes are, read from their content only: PNG, JPEG, GIF and WebP by
 * their signature, SVG as UTF-8 text whose root element is `<svg>`. Null for anything else
 * (an HTML page named `.png`, a PDF, a truncated header). Pure.
 */
export async function sniffImage(bytes: Uint8Array): Promise<ImageMime | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (found && RASTER.has(found.mime)) return found.mime as ImageMime;
  // an SVG file is XML text: file-type names it XML (with a declaration) or nothing
  if (found && found.mime !== "application/xml" && found.mime !== "image/svg+xml") return null;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  return SVG_PROLOGUE.test(text) ? "image/svg+xml" : null;
}
