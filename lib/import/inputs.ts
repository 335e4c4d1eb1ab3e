import { z } from "zod";
import { DomainError } from "../errors";
import { Id, Slug } from "../workspaces/schema";
import { formatBytes, MAX_IMPORT_BYTES, MAX_IMPORT_SIZE } from "./limits";

export { MAX_IMPORT_BYTES, MAX_IMPORT_SIZE } from "./limits";

/** 413: an import larger than MAX_IMPORT_BYTES. Nothing is read further or written. */
export class ImportTooLarge extends DomainError {
  constructor(readonly bytes: number) {
    super(`The file is ${formatBytes(bytes)}; files up to ${MAX_IMPORT_SIZE} can be imported. Nothing was imported.`, "too_large");
  }
}

/** Markdown text; its size is checked in bytes by the use case, so the error can say 413. */
const MarkdownText = z.string({ message: "Paste Markdown text or choose a file." });

export const ImportDocumentInput = z.object({
  slug: Slug,
  markdown: MarkdownText,
  /** map the headings onto this template; absent = import as is */
  templateId: Id.optional(),
  /** overrides the file's H1 / front matter title */
  title: z.string().trim().min(1).max(200).optional(),
  /** the file's name, for a title when the file has none */
  fileName: z.string().max(255).optional(),
  /** repair UTF-8 text that was decoded as Mac Roman or Windows-1252 (after the user confirmed) */
  repairMojibake: z.boolean().default(false),
});
export type ImportDocumentInput = z.input<typeof ImportDocumentInput>;
export type ImportDocumentData = z.output<typeof ImportDocumentInput>;

/**
 * The options of a zip import, sent as multipart form fields beside its `file`: `template` (a
 * template id or key of the workspace, or `auto`: each file onto the template its front
 * matter names) and `repairMojibake` (`true` or `false`). Any other field is refused.
 */
export const ImportBundleOptions = z
  .object({
    template: z.string().trim().min(1, "Name a template by its key or id, or auto.").max(120).optional(),
    repairMojibake: z.enum(["true", "false"], { message: "Send true or false." }).default("false").transform((v) => v === "true"),
  })
  .strict();
export type ImportBundleOptions = z.input<typeof ImportBundleOptions>;

export const ImportTemplateInput = z.object({
  slug: Slug,
  markdown: MarkdownText,
  /** the template's name; defaults to the file's H1 */
  name: z.string().trim().min(1).max(120).optional(),
  fileName: z.string().max(255).optional(),
  repairMojibake: z.boolean().default(false),
});
export type ImportTemplateInput = z.input<typeof ImportTemplateInput>;
export type ImportTemplateData = z.output<typeof ImportTemplateInput>;

/** Throws ImportTooLarge past MAX_IMPORT_BYTES. */
export function checkImportSize(markdown: string): void {
  const bytes = Buffer.byteLength(markdown, "utf8");
  if (bytes > MAX_IMPORT_BYTES) throw new ImportTooLarge(bytes);
}
