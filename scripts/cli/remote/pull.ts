import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8 } from "fflate";
import { parseArgs } from "../args";
import { InputError, UsageError } from "../errors";
import { Api } from "./client";
import { requireRemote } from "./config";
import { fileOf, readBase, readLocal, readState, writeBase, writeState, type PullState } from "./state";
import { fetchWorkspace, type ManifestDocument } from "./workspaceZip";

type Outcome = "new" | "updated" | "unchanged" | "kept local edits" | "not updated: changed here and on the server";

/**
 * `specwright pull <dir> [--workspace <slug>] [--force] [doc ids…]`: writes each document
 * as its export.md bytes with the images it shows, and records which document each file came
 * from and the Markdown it was pulled as (`.specwright/`). A file edited here is never
 * overwritten (without --force): when the server changed it too, it is reported and the
 * command exits 1.
 */
export async function pull(args: string[]): Promise<void> {
  const { options, flags, positional } = parseArgs(args, ["--workspace"], ["--force"]);
  const [dir, ...ids] = positional;
  if (!dir) throw new UsageError("pull needs a directory to write to");
  const remote = requireRemote();
  const previous = readState(dir);
  const slug = options["--workspace"] ?? previous?.workspace;
  if (!slug) throw new UsageError("pull needs --workspace <slug> the first time");
  if (previous && (previous.workspace !== slug || previous.server !== remote.url)) {
    throw new InputError(`${dir} was pulled from workspace "${previous.workspace}" on ${previous.server}; pull ${slug} from ${remote.url} into another directory`);
  }
  const zip = await fetchWorkspace(new Api(remote), slug);
  const unknown = ids.filter((id) => !zip.documents.some((d) => d.id === id || d.number === id));
  if (unknown.length) throw new InputError(`no document ${unknown.join(", ")} in workspace "${slug}" (give ids or numbers such as TD-0003)`);
  const chosen = ids.length ? zip.documents.filter((d) => ids.includes(d.id) || (d.number !== null && ids.includes(d.number))) : zip.documents;
  const state: PullState = previous ?? { format: 1, server: remote.url, workspace: slug, files: {} };
  mkdirSync(dir, { recursive: true });
  let refused = 0;
  for (const doc of chosen) {
    const [file, outcome] = pullOne(dir, state, doc, strFromU8(zip.files[doc.file] ?? new Uint8Array()), flags.has("--force"));
    if (outcome.startsWith("not ")) refused++;
    else for (const image of doc.images) writeFile(dir, image, zip.files[image] ?? new Uint8Array());
    console.log(`${file} ← ${doc.number ?? doc.id} “${doc.title}”: ${outcome}`);
  }
  writeState(dir, state);
  if (!chosen.length) console.log(`workspace "${slug}" has no documents`);
  if (refused) throw new InputError(`${refused} file(s) not updated: push your edits first (specwright push ${dir}), or pass --force to overwrite them`);
}

function writeFile(dir: string, name: string, content: string | Uint8Array): void {
  const target = path.join(dir, name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** A name for a document's file that no other tracked or existing file has. */
function freeName(dir: string, state: PullState, wanted: string): string {
  const stem = wanted.replace(/\.md$/, "");
  let name = wanted;
  for (let n = 2; state.files[name] || readLocal(dir, name) !== null; n++) name = `${stem}-${n}.md`;
  return name;
}

function pullOne(dir: string, state: PullState, doc: ManifestDocument, markdown: string, force: boolean): [string, Outcome] {
  const tracked = fileOf(state, doc.id);
  const file = tracked ?? (state.files[doc.file] || (readLocal(dir, doc.file) !== null && !force) ? freeName(dir, state, doc.file) : doc.file);
  const local = readLocal(dir, file);
  const base = tracked ? readBase(dir, doc.id) : null;
  const record = () => {
    writeFile(dir, file, markdown);
    writeBase(dir, doc.id, markdown);
    state.files[file] = { id: doc.id, title: doc.title, syncedAt: new Date().toISOString() };
  };
  if (local === null || force || !tracked) {
    record();
    return [file, tracked ? "updated" : "new"];
  }
  if (local === markdown) {
    if (base !== markdown) record();
    return [file, "unchanged"];
  }
  if (local === base) {
    record();
    return [file, "updated"];
  }
  // edited here: kept; when the server changed it too, the edits must be pushed (merged) first
  return [file, base === markdown ? "kept local edits" : "not updated: changed here and on the server"];
}
