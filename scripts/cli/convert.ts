import path from "node:path";
import { DomainError } from "../../lib/errors";
import { renderDocumentMarkdown, type ExportableDocument } from "../../lib/export/markdown";
import { convertedExportable } from "../../lib/import/layoutOf";
import { importMarkdown } from "../../lib/markdown/importMarkdown";
import { repairMojibake } from "../../lib/markdown/mojibake";
import { InputError, UsageError } from "./errors";
import { readInput } from "./readInput";

/** `specwright convert <file.md|-> [--repair-mojibake]`: prints the file as Specwright would export it. */
export function convert(args: string[]): void {
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
