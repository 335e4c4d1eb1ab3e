import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { renderDocumentMarkdown } from "../../lib/export/markdown";
import { importMarkdown } from "../../lib/markdown/importMarkdown";
import { contentHash } from "../../lib/util/hash";

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

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() ? value.trim() : fallback;
}

/** The file's date, fixed so a conversion gives the same bytes on every run. */
const MODIFIED = "2026-01-01T00:00:00.000Z";

/**
 * A file through the product's conversion path, as `specwright convert <name>` does it: the
 * import (`importMarkdown`), the imported document as an exportable draft of the "imported"
 * template, and the Markdown export (`renderDocumentMarkdown`).
 */
export function convertMarkdown(markdown: string, fileName: string): string {
  const imported = importMarkdown(markdown);
  const sections = imported.sections.map((s) => ({ title: s.title, depth: s.depth, fields: [], body: s.body }));
  return renderDocumentMarkdown({
    title: imported.title ?? path.basename(fileName).replace(/\.[^.]+$/, ""),
    status: "draft",
    template: { key: "imported", name: "Imported", version: 1 },
    contentHash: contentHash(sections.map((s) => ({ title: s.title, depth: s.depth, fields: {}, body: s.body }))),
    owner: "",
    authors: stringList(imported.frontMatter.authors),
    reviewers: [],
    createdAt: stringOr(imported.frontMatter.created, MODIFIED),
    updatedAt: stringOr(imported.frontMatter.updated, MODIFIED),
    sections,
  });
}
