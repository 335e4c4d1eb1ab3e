import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Ctx } from "../../lib/context";
import type { Db } from "../../lib/db";
import { DomainError } from "../../lib/errors";
import { importBundle, type BundleFile, type MissingImage } from "../../lib/import/importBundle";
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

/** Every file under `dir` (hidden ones left out), by its `/`-separated path inside it. */
function readFolder(dir: string, under = ""): BundleFile[] {
  try {
    return readdirSync(path.join(dir, under), { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith("."))
      .flatMap((entry) => {
        const rel = under ? `${under}/${entry.name}` : entry.name;
        return entry.isDirectory() ? readFolder(dir, rel) : entry.isFile() ? [{ path: rel, bytes: readFileSync(path.join(dir, rel)) }] : [];
      });
  } catch (error) {
    throw new InputError(`cannot read ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function isFolder(file: string): boolean {
  try {
    return file !== "-" && statSync(file).isDirectory();
  } catch {
    return false; // readInput reports the missing file
  }
}

/**
 * `specwright import <files…|folder> --workspace <slug> [--template <key|id>] [--repair-mojibake] [--as <email>]`:
 * every file becomes a document, all in one transaction — when one file fails, none is imported.
 * `--template auto` maps each file onto the template its front matter names (as exports write it), else as is.
 * A folder (such as one `specwright export` wrote) imports each Markdown file in it with the
 * images it refers to by relative path; images that cannot be found are reported.
 */
export function importFiles(args: string[]): (db: Db) => Promise<void> {
  const { options, flags, positional } = parseArgs(args, ["--workspace", "--template", "--as"], ["--repair-mojibake"]);
  const slug = options["--workspace"];
  if (!slug) throw new UsageError("import needs --workspace <slug>");
  if (!positional.length) throw new UsageError("import needs at least one Markdown file");
  const job = { slug, template: options["--template"], as: options["--as"], repairMojibake: flags.has("--repair-mojibake") };
  if (positional.length === 1 && isFolder(positional[0]!)) {
    const folder = positional[0]!;
    const bundle = readFolder(folder);
    return (db) => runFolder(db, { ...job, folder, bundle });
  }
  const files = positional.map((file) => ({ file, text: readInput(file).text }));
  return (db) => run(db, { ...job, files });
}

interface FolderJob extends Omit<ImportJob, "files"> {
  folder: string;
  bundle: BundleFile[];
}

async function runFolder(db: Db, { slug, folder, bundle, template, as, repairMojibake }: FolderJob): Promise<void> {
  const ctx = await actorFor(db, slug, as);
  await syncBuiltinTemplates(db);
  const templateId = template && template !== "auto" ? await templateIdFor(ctx, slug, template) : undefined;
  let results: Awaited<ReturnType<typeof importBundle>>;
  try {
    results = await db.$transaction(
      async (tx) => {
        const tctx = { ...ctx, db: tx };
        const templateFor = async (markdown: string) => {
          if (template !== "auto") return templateId;
          const named = exportedFrom(markdown);
          return named ? await templateIdFor(tctx, slug, named).catch(() => undefined) : undefined;
        };
        return importBundle(tctx, { slug, files: bundle, repairMojibake }, templateFor);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof DomainError) throw new InputError(`${folder}: ${error.message} Nothing was imported.`);
    throw error;
  }
  if (!results.length) throw new InputError(`${folder} holds no Markdown file (.md); nothing was imported.`);
  for (const { file, document, report, images } of results) {
    console.log(`${file} → "${document.title}" (${document.id}): ${report.sections.length} sections, ${images.stored} image(s), template ${document.template.key}`);
    for (const missing of images.missing) warnMissing(file, missing);
  }
}

function warnMissing(file: string, missing: MissingImage): void {
  console.error(`specwright: warning: ${file}: image ${missing.src} not imported (${missing.reason}); its address is kept as written.`);
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
