import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { renderDocumentMarkdown } from "../../lib/export/markdown";
import { convertedExportable } from "../../lib/import/layoutOf";
import { importMarkdown } from "../../lib/markdown/importMarkdown";

/** The folder of real public design documents (see its SOURCES.md). */
export const CORPUS_DIR = path.resolve(import.meta.dirname, "../fixtures/design-docs");

export interface CorpusFixture {
  name: string;
  /** the file's text, exactly as stored (UTF-8, its own line endings) */
  markdown: string;
}

/** Every fixture of the corpus, by file name. */
export function corpusFixtures(): CorpusFixture[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith(".md") && name !== "SOURCES.md")
    .sort()
    .map((name) => ({ name, markdown: readFileSync(path.join(CORPUS_DIR, name), "utf8") }));
}

/** The file's date, fixed so a conversion gives the same bytes on every run. */
const MODIFIED = new Date("2026-01-01T00:00:00.000Z");

/**
 * A file through the product's one conversion path, as `specwright convert <name>` does it:
 * the import (`importMarkdown`), the document it gives as an exportable
 * (`convertedExportable`, what an import as is stores), and the Markdown export.
 */
export function convertMarkdown(markdown: string, fileName: string, options: { asEdited?: boolean } = {}): string {
  const title = path.basename(fileName).replace(/\.[^.]+$/, "");
  const exportable = convertedExportable(importMarkdown(markdown), { title, now: MODIFIED });
  // as if every block had been edited: none is written from the file's own text, so the
  // converter alone has to carry every construct
  if (options.asEdited && exportable.layout) exportable.layout = { ...exportable.layout, blocks: {} };
  return renderDocumentMarkdown(exportable);
}
