#!/usr/bin/env tsx
// specwright — command-line tools.
//   specwright convert <file.md|-> [--repair-mojibake]   print a Markdown design doc as Specwright would export it
//   specwright import <files…> --workspace <slug> …       create documents in the database at DATABASE_URL
//   specwright export <dir> --workspace <slug> …          write every document as Markdown plus manifest.json
// Exit codes: 0 done, 1 unreadable or invalid input (or no DATABASE_URL), 2 usage error.
import path from "node:path";
import type { Db } from "../lib/db";
import { DomainError } from "../lib/errors";
import { renderDocumentMarkdown, type ExportableDocument } from "../lib/export/markdown";
import { closeParsePool } from "../lib/import/parsePool";
import { convertedExportable } from "../lib/import/layoutOf";
import { importMarkdown } from "../lib/markdown/importMarkdown";
import { repairMojibake } from "../lib/markdown/mojibake";
import { InputError, UsageError } from "./cli/errors";
import { exportDir } from "./cli/exportDir";
import { importFiles } from "./cli/importFiles";
import { readInput } from "./cli/readInput";
import { openDatabase } from "./cli/workspace";

const USAGE = `Usage: specwright <command> [options]

Commands:
  convert <file.md> [--repair-mojibake]
      Read a Markdown design document and print it as Specwright would export it
      after importing it as is: its front matter, title and headings as written,
      every section's text in Specwright's Markdown style. Converting the result
      again changes nothing.
      Use - to read standard input. --repair-mojibake fixes UTF-8 text that was
      decoded as Mac Roman or Windows-1252 (e.g. "üìã" for 📋); without it such text
      is kept and a warning is printed.
  import <files…|folder> --workspace <slug> [--template <key|id>] [--repair-mojibake] [--as <email>]
      Create one document per Markdown file in the workspace, in the database at
      DATABASE_URL: as is (one section per heading), or mapped onto a template by
      heading with --template (auto: the template an exported file names in its
      front matter). All files or none: when one fails, nothing is imported.
      Given a folder, imports every .md file in it with the images it refers to by
      relative path; an image that is not there is reported and its path kept.
  export <dir> --workspace <slug> [--as <email>]
      Write every document of the workspace into <dir> as Markdown (the same bytes as
      its "Download Markdown"), the images they show under images/, plus manifest.json.
      Both act as the member with --as <email>, by default the workspace's first owner,
      with that member's permissions.

Exit codes: 0 done, 1 unreadable or invalid input, refused by the workspace or no
DATABASE_URL, 2 usage error.
`;

function convert(args: string[]): void {
  const flags = args.filter((a) => a.startsWith("--"));
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = flags.filter((f) => f !== "--repair-mojibake");
  if (unknown.length) throw new UsageError(`unknown option ${unknown.join(", ")}`);
  if (files.length !== 1) throw new UsageError(files.length ? "convert takes one file" : "convert needs a file (or - for standard input)");
  const file = files[0] ?? "-";
  const repair = flags.includes("--repair-mojibake");
  const { text, modified } = readInput(file);
  const source = repair ? repairMojibake(text) : text;
  const imported = importMarkdown(source);
  const name = file === "-" ? "standard input" : file;
  if (imported.frontMatterError) console.error(`specwright: warning: ${name}: the front matter is not valid YAML (${imported.frontMatterError}); kept as written.`);
  const found = repair ? importMarkdown(text).mojibake : imported.mojibake;
  if (found && repair) console.error(`specwright: repaired text that had been decoded as ${found.encoding}.`);
  if (found && !repair) {
    console.error(`specwright: warning: ${file} looks like UTF-8 decoded as ${found.encoding} (“${found.sample}”); kept as is. Pass --repair-mojibake to fix it.`);
  }
  if (imported.dropped.length) console.error(`specwright: note: ${imported.dropped.length} construct(s) kept in another form: ${imported.dropped.slice(0, 3).join(", ")}${imported.dropped.length > 3 ? ", …" : ""}`);
  const fallbackTitle = file === "-" ? "Untitled design" : path.basename(file).replace(/\.[^.]+$/, "");
  let exportable: ExportableDocument;
  try {
    exportable = convertedExportable(imported, { title: fallbackTitle, now: modified });
  } catch (error) {
    if (error instanceof DomainError) throw new InputError(`${name}: ${error.message}`);
    throw error;
  }
  process.stdout.write(renderDocumentMarkdown(exportable));
}

/** Runs a command that has checked its arguments, against DATABASE_URL. */
async function withDatabase(run: (db: Db) => Promise<void>): Promise<void> {
  const db = openDatabase();
  try {
    await run(db);
  } finally {
    await closeParsePool();
    await db.$disconnect();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "convert":
        convert(rest);
        return 0;
      case "import":
        await withDatabase(importFiles(rest));
        return 0;
      case "export":
        await withDatabase(exportDir(rest));
        return 0;
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command ${command}` : "no command given");
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`specwright: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError || error instanceof DomainError) {
      console.error(`specwright: ${error.message}`);
      return 1;
    }
    // e.g. the database refusing the connection: say what happened, without a stack trace
    console.error(`specwright ${command ?? ""}: ${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
