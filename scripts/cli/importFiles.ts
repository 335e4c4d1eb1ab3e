import path from "node:path";
import type { Ctx } from "../../lib/context";
import type { Db } from "../../lib/db";
import { DomainError } from "../../lib/errors";
import { importDocument, type ImportResult } from "../../lib/import/importDocument";
import { importMarkdown } from "../../lib/markdown/importMarkdown";
import { syncBuiltinTemplates } from "../../lib/templates/syncBuiltins";
import { parseArgs } from "./args";
import { InputError, UsageError } from "./errors";
import { readInput } from "./readInput";
import { actorFor } from "./workspace";

async function templateIdFor(ctx: Ctx, slug: string, wanted: string): Promise<string> {
  const rows = await ctx.db.template.findMany({
    where: { archivedAt: null, OR: [{ id: wanted }, { key: wanted }], AND: { OR: [{ workspaceId: null }, { workspace: { slug } }] } },
    select: { id: true },
  });
  if (rows.length !== 1) throw new InputError(rows.length ? `template "${wanted}" is ambiguous; pass its id.` : `no template "${wanted}" in workspace "${slug}".`);
  return rows[0]!.id;
}

/** The template key an exported file names in its front matter (`template:`), if any. */
function exportedFrom(markdown: string): string | null {
  try {
    const key = importMarkdown(markdown).frontMatter.template;
    return typeof key === "string" ? key : null;
  } catch {
    return null; // importDocument reports the broken front matter
  }
}

/**
 * `specwright import <files…> --workspace <slug> [--template <key|id>] [--repair-mojibake] [--as <email>]`:
 * every file becomes a document, all in one transaction — when one file fails, none is imported.
 * `--template auto` maps each file onto the template its front matter names (as exports write it), else as is.
 */
export function importFiles(args: string[]): (db: Db) => Promise<void> {
  const { options, flags, positional } = parseArgs(args, ["--workspace", "--template", "--as"], ["--repair-mojibake"]);
  const slug = options["--workspace"];
  if (!slug) throw new UsageError("import needs --workspace <slug>");
  if (!positional.length) throw new UsageError("import needs at least one Markdown file");
  const files = positional.map((file) => ({ file, text: readInput(file).text }));
  return (db) => run(db, { slug, files, template: options["--template"], as: options["--as"], repairMojibake: flags.has("--repair-mojibake") });
}

interface ImportJob {
  slug: string;
  files: { file: string; text: string }[];
  template?: string;
  as?: string;
  repairMojibake: boolean;
}

async function run(db: Db, { slug, files, template, as, repairMojibake }: ImportJob): Promise<void> {
  const ctx = await actorFor(db, slug, as);
  await syncBuiltinTemplates(db);
  const templateId = template && template !== "auto" ? await templateIdFor(ctx, slug, template) : undefined;
  const results: { file: string; result: ImportResult }[] = [];
  let current = "";
  try {
    await db.$transaction(
      async (tx) => {
        for (const { file, text } of files) {
          current = file;
          const named = template === "auto" ? exportedFrom(text) : null;
          const fileTemplateId = named ? await templateIdFor({ ...ctx, db: tx }, slug, named).catch(() => undefined) : templateId;
          const result = await importDocument({ ...ctx, db: tx }, { slug, markdown: text, templateId: fileTemplateId, repairMojibake, fileName: path.basename(file) });
          results.push({ file, result });
        }
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof DomainError) throw new InputError(`${current}: ${error.message} Nothing was imported.`);
    throw error;
  }
  for (const { file, result } of results) {
    const { document, report } = result;
    console.log(`${file} → "${document.title}" (${document.id}): ${report.sections.length} sections, template ${document.template.key}`);
    if (report.mojibake && !report.repaired) console.error(`specwright: warning: ${file} looks like UTF-8 decoded as ${report.mojibake.encoding} (“${report.mojibake.sample}”); kept as is. Pass --repair-mojibake to fix it.`);
    if (report.repaired) console.error(`specwright: ${file}: repaired text that had been decoded as ${report.mojibake?.encoding}.`);
    if (report.dropped.length) console.error(`specwright: note: ${file}: ${report.dropped.length} construct(s) kept in another form.`);
    for (const warning of report.warnings) console.error(`specwright: warning: ${file}: ${warning}`);
    if (report.unusedFrontMatter.length) console.error(`specwright: note: ${file}: front matter kept as document metadata: ${report.unusedFrontMatter.join(", ")}.`);
  }
}
