import { z } from "zod";

/**
 * How an imported file was laid out, stored with the document (`Document.markdownLayout`) so
 * its export writes the file as it came and changes only what was edited since.
 */
export const MarkdownLayout = z.object({
  /** the front matter's opening and closing fence lines and the blank lines after it; null when the file had none */
  fences: z.object({ open: z.string(), close: z.string(), gap: z.string() }).nullable(),
  /** the first H1 as written, the document title it gave, and the section it stood before (null: after the last); null when the file had no H1 */
  title: z.object({ heading: z.string(), text: z.string(), before: z.string().nullable() }).nullable(),
  /** each section's heading as written, by section key (the preamble has level null) */
  headings: z.record(
    z.string(),
    z.object({
      title: z.string(),
      depth: z.number().int(),
      level: z.number().int().min(1).max(6).nullable(),
      source: z.string(),
      /** whether the file gave the section's fields as a `| Field | Value |` table */
      table: z.boolean(),
    }),
  ),
  /** what the export of the imported document wrote for each key Specwright owns, right after the import */
  owned: z.record(z.string(), z.unknown()),
  /** front matter keys that filled a field: the field and its readable value at import */
  fieldKeys: z.array(z.object({ key: z.string(), section: z.string(), field: z.string(), value: z.string() })),
  finalNewline: z.boolean(),
  /**
   * Each section's body blocks as the file wrote them, by section key: a block whose editor
   * content still hashes as it did at import (`hash` of its `count` top-level nodes) is written
   * as `source`, followed by `gap` when the next block is also unchanged. Absent in older layouts.
   */
  /** images a zip import stored, by their src (`/api/images/<id>`): the relative path the file wrote, which the export keeps */
  images: z.record(z.string(), z.string()).optional(),
  blocks: z.record(z.string(), z.array(z.object({ hash: z.string(), count: z.number().int().min(0), source: z.string(), gap: z.string() }))).optional(),
});
export type MarkdownLayout = z.infer<typeof MarkdownLayout>;

/** A stored layout, or null when there is none or it does not read (then the document exports as one written here). */
export function readLayout(value: unknown): MarkdownLayout | null {
  if (value === null || value === undefined) return null;
  const parsed = MarkdownLayout.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The keys Specwright writes in its own front matter, in the order it writes them. */
export const OWNED_KEYS = ["title", "number", "status", "template", "template_version", "content_hash", "authors", "reviewers", "created", "updated"] as const;
export type OwnedKey = (typeof OWNED_KEYS)[number];
