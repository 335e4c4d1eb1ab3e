#!/usr/bin/env tsx
// specwright — command-line tools that need no database or server.
//   specwright convert <file.md|-> [--repair-mojibake]   normalise a Markdown design doc to Specwright's export format
// Exit codes: 0 done, 1 unreadable or invalid input, 2 usage error.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DomainError } from "../lib/errors";
import { renderDocumentMarkdown, type ExportableDocument } from "../lib/export/markdown";
import { importMarkdown, type ImportedMarkdown } from "../lib/markdown/importMarkdown";
import { repairMojibake } from "../lib/markdown/mojibake";
import { contentHash } from "../lib/util/hash";

const USAGE = `Usage: specwright <command> [options]

Commands:
  convert <file.md> [--repair-mojibake]
      Read a Markdown design document and print it in Specwright's export format:
      YAML front matter, the title as an H1, one heading per section.
      Use - to read standard input. --repair-mojibake fixes UTF-8 text that was
      decoded as Mac Roman or Windows-1252 (e.g. "üìã" for 📋); without it such text
      is kept and a warning is printed.
  import, export
      Not available yet.

Exit codes: 0 done, 1 unreadable or invalid input, 2 usage error.
`;

class UsageError extends Error {}
class InputError extends Error {}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function readInput(file: string): { text: string; modified: Date } {
  let bytes: Buffer;
  let modified = new Date(0);
  try {
    bytes = readFileSync(file === "-" ? 0 : file);
    if (file !== "-") modified = statSync(file).mtime;
  } catch (error) {
    const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read ${file}: ${reason}`);
  }
  try {
    return { text: strictUtf8.decode(bytes), modified };
  } catch {
    throw new InputError(`${file} is not UTF-8 text; convert it to UTF-8 first (e.g. iconv -f windows-1252 -t utf-8).`);
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() ? value.trim() : fallback;
}

/** What an imported file becomes: a draft of the "imported" template, with no typed fields. */
function toExportable(imported: ImportedMarkdown, file: string, modified: Date): ExportableDocument {
  const fallbackTitle = file === "-" ? "Untitled design" : path.basename(file).replace(/\.[^.]+$/, "");
  const sections = imported.sections.map((s) => ({ title: s.title, depth: s.depth, fields: [], body: s.body }));
  const when = modified.toISOString();
  return {
    title: imported.title ?? fallbackTitle,
    status: "draft",
    template: { key: "imported", name: "Imported", version: 1 },
    contentHash: contentHash(sections.map((s) => ({ title: s.title, depth: s.depth, fields: {}, body: s.body }))),
    owner: "",
    authors: stringList(imported.frontMatter.authors),
    reviewers: [],
    createdAt: stringOr(imported.frontMatter.created, when),
    updatedAt: stringOr(imported.frontMatter.updated, when),
    sections,
  };
}

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
  let imported: ImportedMarkdown;
  try {
    imported = importMarkdown(source);
  } catch (error) {
    if (error instanceof DomainError) throw new InputError(`${file === "-" ? "standard input" : file}: ${error.message}`);
    throw error;
  }
  const found = repair ? importMarkdown(text).mojibake : imported.mojibake;
  if (found && repair) console.error(`specwright: repaired text that had been decoded as ${found.encoding}.`);
  if (found && !repair) {
    console.error(`specwright: warning: ${file} looks like UTF-8 decoded as ${found.encoding} (“${found.sample}”); kept as is. Pass --repair-mojibake to fix it.`);
  }
  if (imported.dropped.length) console.error(`specwright: note: ${imported.dropped.length} raw HTML fragment(s) kept as plain text.`);
  process.stdout.write(renderDocumentMarkdown(toExportable(imported, file, modified)));
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "convert":
        convert(rest);
        return 0;
      case "import":
      case "export":
        console.error(`specwright ${command}: not available yet.`);
        return 2;
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
    if (error instanceof InputError) {
      console.error(`specwright: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
