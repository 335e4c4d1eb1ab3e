import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "../args";
import { InputError, UsageError } from "../errors";
import { Api } from "./client";
import { DATABASE_HINT, requireRemote } from "./config";
import { fetchWorkspace } from "./workspaceZip";

/**
 * `specwright export <dir> --workspace <slug>` against the server: the workspace's export.zip
 * unpacked into `dir` (every document's Markdown, the images under images/, manifest.json);
 * files of the same name are replaced, others left alone. Records nothing: use pull to push back.
 */
export async function exportRemote(args: string[]): Promise<void> {
  if (args.some((a) => a === "--as" || a.startsWith("--as="))) throw new UsageError("--as works only against the database (--database); against a server, the token says who you are");
  const { options, positional } = parseArgs(args, ["--workspace"], []);
  const slug = options["--workspace"];
  if (!slug) throw new UsageError("export needs --workspace <slug>");
  if (positional.length !== 1) throw new UsageError(positional.length ? "export takes one directory" : "export needs a directory to write to");
  const dir = positional[0]!;
  const zip = await fetchWorkspace(new Api(requireRemote(DATABASE_HINT)), slug);
  try {
    for (const [name, bytes] of Object.entries(zip.files)) {
      const target = path.join(dir, name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
  } catch (error) {
    throw new InputError(`cannot write to ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const images = Object.keys(zip.files).filter((f) => f !== "manifest.json" && !f.endsWith(".md")).length;
  console.log(`wrote ${zip.documents.length} document(s)${images ? `, ${images} image(s)` : ""} and manifest.json to ${dir}`);
}
