import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The text of a PDF as poppler's pdftotext reads it (reading order, no layout). */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
}

/** Each page's text, split on the form feeds pdftotext puts between pages. */
export function pdfPages(pdf: Uint8Array): string[] {
  return pdfText(pdf).split("\f").slice(0, -1);
}

/** How many raster images the PDF holds (pdfimages -list): vector drawings have none. */
export function rasterImageCount(pdf: Uint8Array): number {
  const dir = mkdtempSync(path.join(tmpdir(), "pdf-images-"));
  try {
    writeFileSync(path.join(dir, "doc.pdf"), pdf);
    const list = execFileSync("pdfimages", ["-list", path.join(dir, "doc.pdf")]).toString("utf8");
    // two header lines, then one line per image
    return list.trim().split("\n").slice(2).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
