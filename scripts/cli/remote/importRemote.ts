import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { parseArgs } from "../args";
import { InputError, UsageError } from "../errors";
import { readInput } from "../readInput";
import { Api } from "./client";
import { DATABASE_HINT, requireRemote } from "./config";

interface ImportedDocument {
  id: string;
  number: string | null;
  title: string;
  template: { key: string };
}

interface ImportAnswer {
  document: ImportedDocument;
  report: { warnings: string[]; sections: unknown[] };
}

/** The template key an exported file names in its front matter (`template: <key>`), if any. */
function exportedFrom(markdown: string): string | null {
  const block = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown)?.[1];
  const key = block && /^template:\s*["']?([a-z0-9][a-z0-9_-]*)["']?\s*$/m.exec(block)?.[1];
  return key || null;
}

/** A template id of the workspace, by key or id; with `auto`, the one the file's front matter names (else as is). */
async function templateId(api: Api, slug: string, wanted: string | undefined, markdown: string): Promise<string | undefined> {
  const key = wanted === "auto" ? exportedFrom(markdown) : wanted;
  if (!key) return undefined;
  const templates = await api.json<{ id: string; key: string }[]>("GET", `/api/workspaces/${encodeURIComponent(slug)}/templates`);
  const found = templates.filter((t) => t.id === key || t.key === key);
  if (found.length === 1) return found[0]!.id;
  if (wanted === "auto") return undefined; // e.g. an as-is import's own (archived) template: import as is
  throw new InputError(found.length ? `template "${key}" is ambiguous; pass its id` : `no template "${key}" in workspace "${slug}"`);
}

/** Imports one Markdown file as a new document (POST /api/workspaces/:slug/import). */
export async function importOne(api: Api, slug: string, input: { file: string; markdown: string; template?: string; repairMojibake?: boolean }): Promise<ImportedDocument> {
  const id = await templateId(api, slug, input.template, input.markdown);
  const answer = await api.json<ImportAnswer>("POST", `/api/workspaces/${encodeURIComponent(slug)}/import`, {
    json: { markdown: input.markdown, fileName: path.basename(input.file), repairMojibake: input.repairMojibake ?? false, ...(id ? { templateId: id } : {}) },
  });
  for (const warning of answer.report.warnings) console.error(`specwright: warning: ${input.file}: ${warning}`);
  return answer.document;
}

/** Every file under `dir` (hidden ones left out), by its `/`-separated path inside it. */
function folderFiles(dir: string, under = ""): Record<string, Uint8Array> {
  const entries = readdirSync(path.join(dir, under), { withFileTypes: true }).filter((e) => !e.name.startsWith("."));
  return Object.assign(
    {},
    ...entries.map((entry) => {
      const rel = under ? `${under}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return folderFiles(dir, rel);
      return entry.isFile() ? { [rel]: new Uint8Array(readFileSync(path.join(dir, rel))) } : {};
    }),
  ) as Record<string, Uint8Array>;
}

interface ZipAnswer {
  documents: {
    id: string;
    title: string;
    file: string;
    template: string;
    warnings: string[];
    mojibake: { encoding: string; sample: string } | null;
    images: { stored: number; missing: { src: string; reason: string }[] };
  }[];
}

/** What goes with the files: the template (key, id or auto; the server resolves it) and whether to repair mis-decoded text. */
interface ImportOptions {
  template?: string;
  repairMojibake: boolean;
}

/**
 * Imports the files as one zip through POST …/import.zip, with the options as form fields:
 * every Markdown file a document, with the images they refer to; all or nothing.
 */
async function importZip(api: Api, slug: string, files: Record<string, Uint8Array>, name: string, options: ImportOptions): Promise<void> {
  const form = new FormData();
  form.append("file", new Blob([zipSync(files)], { type: "application/zip" }), `${name}.zip`);
  if (options.template) form.append("template", options.template);
  if (options.repairMojibake) form.append("repairMojibake", "true");
  const answer = await api.json<ZipAnswer>("POST", `/api/workspaces/${encodeURIComponent(slug)}/import.zip`, { body: form });
  for (const d of answer.documents) {
    console.log(`${d.file} → "${d.title}" (${d.id}): ${d.images.stored} image(s), template ${d.template}`);
    for (const warning of d.warnings) console.error(`specwright: warning: ${d.file}: ${warning}`);
    if (d.mojibake) console.error(`specwright: warning: ${d.file} looks like UTF-8 decoded as ${d.mojibake.encoding} (“${d.mojibake.sample}”); kept as is. Pass --repair-mojibake to fix it.`);
    for (const m of d.images.missing) console.error(`specwright: warning: ${d.file}: image ${m.src} not imported (${m.reason}); its address is kept as written.`);
  }
}

/**
 * `specwright import <files…|folder> --workspace <slug> [--template <key|id|auto>] [--repair-mojibake]` against the
 * server: a folder, or several files, as one zip through POST …/import.zip with the options
 * (with the images a folder's files refer to; all or nothing); one file through POST …/import
 * (as is, onto the template, or with `auto` onto the template its front matter names).
 */
export async function importRemote(args: string[]): Promise<void> {
  if (args.some((a) => a === "--as" || a.startsWith("--as="))) throw new UsageError("--as works only against the database (--database); against a server, the token says who you are");
  const { options, flags, positional } = parseArgs(args, ["--workspace", "--template"], ["--repair-mojibake"]);
  const slug = options["--workspace"];
  if (!slug) throw new UsageError("import needs --workspace <slug>");
  if (!positional.length) throw new UsageError("import needs at least one Markdown file");
  const api = new Api(requireRemote(DATABASE_HINT));
  const chosen: ImportOptions = { template: options["--template"], repairMojibake: flags.has("--repair-mojibake") };
  const folder = positional.length === 1 && statSync(positional[0]!, { throwIfNoEntry: false })?.isDirectory() ? positional[0]! : null;
  if (folder) {
    const files = folderFiles(folder);
    if (!Object.keys(files).some((f) => f.endsWith(".md"))) throw new InputError(`${folder} holds no Markdown file (.md); nothing was imported.`);
    return importZip(api, slug, files, path.basename(path.resolve(folder)), chosen);
  }
  const inputs = positional.map((file) => ({ file, markdown: readInput(file).text }));
  // several files: one zip, so that one the server refuses imports none of them
  if (inputs.length > 1) {
    const names = inputs.map((i) => path.basename(i.file));
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice) throw new UsageError(`two of the files are named ${twice}; import them one at a time, or from a folder`);
    return importZip(api, slug, Object.fromEntries(inputs.map((i) => [path.basename(i.file), new TextEncoder().encode(i.markdown)])), "files", chosen);
  }
  const { file, markdown } = inputs[0]!;
  const document = await importOne(api, slug, { file, markdown, ...chosen });
  console.log(`${file} → "${document.title}" (${document.number ?? document.id}), template ${document.template.key}`);
}
