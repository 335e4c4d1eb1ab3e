#!/usr/bin/env tsx
// specwright — command-line tools.
//   specwright login <url> | logout                                  store or forget a server and API token
//   specwright pull|push|status <dir> …                              keep a folder of Markdown in step with a workspace
//   specwright import <files…|folder> --workspace <slug> …          create documents (server, or DATABASE_URL with --database)
//   specwright export <dir> --workspace <slug>                       every document as Markdown plus manifest.json
//   specwright convert <file.md|-> [--repair-mojibake]               print a Markdown design doc as Specwright would export it
// Exit codes: 0 done, 1 refused or invalid input (conflicts included), 2 usage error,
// 3 server unreachable, token refused (401), rate-limited (429) or server error (5xx).
// Each command loads its own modules when it runs: help and usage errors answer at once, and
// convert and the server commands never load the database client.
import type { Db } from "../lib/db";
import { DomainError } from "../lib/errors";
import { InputError, RemoteError, UsageError } from "./cli/errors";

const USAGE = `Usage: specwright <command> [options]

Server commands (talk to a running Specwright over HTTP with an API token):
  login <url> [--token swt_…]
      Check the token against the server and store the address and token in
      $XDG_CONFIG_HOME/specwright/config.json (~/.config/… by default; mode 0600).
      Without --token, the token is read from SPECWRIGHT_TOKEN or standard input.
      Make a token in Settings → API tokens (write scope to push or import).
      SPECWRIGHT_URL and SPECWRIGHT_TOKEN override the stored ones (for CI).
  logout
      Forget the stored address and token (revoke the token in Settings to end it).
  pull <dir> [--workspace <slug>] [--force] [ids or numbers…]
      Write every document of the workspace (or those named) into <dir> as Markdown,
      the same bytes as "Download Markdown", with the images they show under images/.
      <dir>/.specwright/ records which document each file came from and the Markdown
      it was pulled as; commit it with the files. A file edited here is kept; when the
      server changed it too it is not updated (exit 1) unless --force.
  push <dir | files…> [--template <key|id|auto>]
      Send edits back. A pulled file is merged into its document section by section
      and saved as a new version that open editors see at once; sections changed
      both here and on the server refuse the file (listed; exit 1; nothing of it
      changes). The file then holds the document as merged. Images it shows from the
      folder that the server lacks are uploaded. A new .md file becomes a new
      document of the folder's workspace (onto the template its front matter names,
      by default).
  status [dir] [--json]
      For each file of a pulled folder: unchanged, changed locally, changed on server,
      changed on both sides, new or gone from server, with the document's review
      status (Draft, In Review, Approved…). --json prints the same as JSON.
  import <files…|folder> --workspace <slug> [--template <key|id|auto>] [--repair-mojibake]
      Create one document per Markdown file: as is (one section per heading), or
      mapped onto a template by heading with --template (auto: the template an
      exported file names in its front matter). A folder, or several files, is
      sent as one zip with these options: all of it or nothing (a folder with
      the images its files refer to by relative path).
  export <dir> --workspace <slug>
      Write every document into <dir> as Markdown, the images they show under
      images/, plus manifest.json.

Direct database mode (admins): import and export run against the PostgreSQL at
DATABASE_URL instead of a server with --database, or when DATABASE_URL is set and
no server is configured (no login, no SPECWRIGHT_URL).
  import <files…|folder> --workspace <slug> --database [--template <key|id|auto>] [--repair-mojibake] [--as <email>]
      All files or none: when one fails, nothing is imported. A folder is imported
      with the images its files refer to; --template applies to it too.
  export <dir> --workspace <slug> --database [--as <email>]
      Both act as the member with --as <email>, by default the workspace's first owner,
      with that member's permissions.

Without a server:
  convert <file.md> [--repair-mojibake]
      Read a Markdown design document and print it as Specwright would export it
      after importing it as is: its front matter, title and headings as written,
      every section's text in Specwright's Markdown style. Converting the result
      again changes nothing.
      Use - to read standard input. --repair-mojibake fixes UTF-8 text that was
      decoded as Mac Roman or Windows-1252 (e.g. "üìã" for 📋); without it such text
      is kept and a warning is printed.

Exit codes: 0 done; 1 refused or invalid input (a conflict, a missing permission, an
unknown workspace or document, no DATABASE_URL in database mode); 2 usage error;
3 the server cannot be reached, refused the token (run specwright login), is
limiting requests (429) or failed (5xx): worth trying again.
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

/** Whether import/export run against DATABASE_URL: with --database, or with DATABASE_URL set and no server configured. */
async function databaseMode(args: string[]): Promise<boolean> {
  if (args.includes("--database")) return true;
  const { configuredRemote } = await import("./cli/remote/config");
  return !configuredRemote() && Boolean(process.env.DATABASE_URL);
}

const withoutDatabaseFlag = (args: string[]) => args.filter((a) => a !== "--database");

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "convert":
        (await import("./cli/convert")).convert(rest);
        return 0;
      case "login":
        await (await import("./cli/remote/login")).login(rest);
        return 0;
      case "logout":
        (await import("./cli/remote/login")).logout(rest);
        return 0;
      case "pull":
        await (await import("./cli/remote/pull")).pull(rest);
        return 0;
      case "push":
        await (await import("./cli/remote/push")).push(rest);
        return 0;
      case "status":
        await (await import("./cli/remote/status")).status(rest);
        return 0;
      case "import":
        if (await databaseMode(rest)) await withDatabase((await import("./cli/importFiles")).importFiles(withoutDatabaseFlag(rest)));
        else await (await import("./cli/remote/importRemote")).importRemote(rest);
        return 0;
      case "export":
        if (await databaseMode(rest)) await withDatabase((await import("./cli/exportDir")).exportDir(withoutDatabaseFlag(rest)));
        else await (await import("./cli/remote/exportRemote")).exportRemote(rest);
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
    if (error instanceof RemoteError) {
      console.error(`specwright: ${error.message}`);
      return 3;
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
