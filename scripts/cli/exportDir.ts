import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../lib/db";
import { collectWorkspaceExport } from "../../lib/export/exportWorkspace";
import { parseArgs } from "./args";
import { InputError, UsageError } from "./errors";
import { actorFor } from "./workspace";

/**
 * `specwright export <dir> --workspace <slug> [--as <email>]`: every document as Markdown
 * (the bytes of its export.md), the images they show under `images/`, plus manifest.json, written into `dir` (created when missing;
 * files of the same name are replaced, others left alone).
 */
export function exportDir(args: string[]): (db: Db) => Promise<void> {
  const { options, positional } = parseArgs(args, ["--workspace", "--as"], []);
  const slug = options["--workspace"];
  if (!slug) throw new UsageError("export needs --workspace <slug>");
  if (positional.length !== 1) throw new UsageError(positional.length ? "export takes one directory" : "export needs a directory to write to");
  return (db) => run(db, slug, positional[0]!, options["--as"]);
}

async function run(db: Db, slug: string, dir: string, as: string | undefined): Promise<void> {
  const ctx = await actorFor(db, slug, as);
  const exported = await collectWorkspaceExport(ctx, { slug });
  try {
    mkdirSync(dir, { recursive: true });
    for (const file of exported.files) {
      const target = path.join(dir, file.name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      utimesSync(target, file.modified, file.modified);
    }
  } catch (error) {
    throw new InputError(`cannot write to ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const images = exported.files.filter((f) => typeof f.content !== "string").length;
  console.log(`wrote ${exported.manifest.documents.length} document(s)${images ? `, ${images} image(s)` : ""} and manifest.json to ${dir}`);
}
