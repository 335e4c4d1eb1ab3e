#!/usr/bin/env tsx
// specwright — command-line tools.
//   specwright convert <file.md|-> [--repair-mojibake]   print a Markdown design doc as Specwright would export it
//   specwright import <files…> --workspace <slug> …       create documents in the database at DATABASE_URL
//   specwright export <dir> --workspace <slug> …          write every document as Markdown plus manifest.json
// Exit codes: 0 done, 1 unreadable or invalid input (or no DATABASE_URL), 2 usage error.
// Each command loads its own modules when it runs: help and usage errors answer at once, and
// convert never loads the database client.
import type { Db } from "../lib/db";
import { DomainError } from "../lib/errors";
import { InputError, UsageError } from "./cli/errors";

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

/** Runs a command that has checked its arguments, against DATABASE_URL. */
async function withDatabase(run: (db: Db) => Promise<void>): Promise<void> {
  const [{ openDatabase }, { closeParsePool }] = await Promise.all([import("./cli/workspace"), import("../lib/import/parsePool")]);
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
        (await import("./cli/convert")).convert(rest);
        return 0;
      case "import":
        await withDatabase((await import("./cli/importFiles")).importFiles(rest));
        return 0;
      case "export":
        await withDatabase((await import("./cli/exportDir")).exportDir(rest));
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
