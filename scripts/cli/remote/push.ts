import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "../args";
import { InputError, UsageError } from "../errors";
import { readInput } from "../readInput";
import { Api, refusal } from "./client";
import { requireRemote } from "./config";
import { importOne } from "./importRemote";
import { fetchMissingImages, imageAddresses, uploadNewImages } from "./localImages";
import { readBase, requireState, writeBase, writeState, type PullState } from "./state";

interface Applied {
  applied: { key: string; title: string; change: "updated" | "renamed" | "added" | "removed"; from?: string }[];
  version: { number: number } | null;
  title: string | null;
  frontMatter: boolean;
  reordered: boolean;
  notTaken: { what: string; reason: string }[];
}

/** Why the server did not take a change to the title or a front matter key, in words. */
const NOT_TAKEN: Record<string, string> = {
  both: "it was changed on the server too",
  owned: "the server writes it from the document",
  field: "it fills a field: edit the field's row in its section instead",
  "written here": "this document's front matter is written from its fields",
  unreadable: "the front matter is not a YAML mapping",
};

interface Conflict {
  title: string;
}

/** The pulled folder and the Markdown files to push from it: every top-level `.md` of `dir`, or the files given. */
function filesToPush(positional: string[]): { dir: string; files: string[] } {
  if (!positional.length) throw new UsageError("push needs a pulled directory or files of one");
  const first = positional[0]!;
  const isDir = positional.length === 1 && statSync(first, { throwIfNoEntry: false })?.isDirectory();
  if (isDir) return { dir: first, files: readdirSync(first).filter((f) => f.endsWith(".md") && !f.startsWith(".")).sort() };
  const dirs = new Set(positional.map((f) => path.dirname(f)));
  if (dirs.size !== 1) throw new UsageError("push takes files of one pulled directory at a time");
  return { dir: [...dirs][0]!, files: positional.map((f) => path.basename(f)) };
}

/**
 * `specwright push <dir|files…>`: sends edits back. A file pulled from a document is merged
 * into it section by section (PUT /api/documents/:id/markdown, base: the Markdown it was
 * pulled as) and becomes a new version; the file and its base then hold the document as
 * merged. A file that no document came from is imported as a new document of the folder's
 * workspace. A file whose sections changed both here and on the server is refused, listing
 * them, and nothing of it changes; the command then exits 1.
 */
export async function push(args: string[]): Promise<void> {
  const { options, positional } = parseArgs(args, ["--template"], []);
  const { dir, files } = filesToPush(positional);
  const state = requireState(dir);
  const remote = requireRemote();
  if (remote.url !== state.server) throw new InputError(`${dir} was pulled from ${state.server}, but you are logged in to ${remote.url}`);
  const api = new Api(remote);
  let refused = 0;
  for (const file of files) {
    try {
      const markdown = readInput(path.join(dir, file)).text;
      const ok = state.files[file] ? await pushTracked(api, dir, state, file, markdown) : await pushNew(api, dir, state, file, markdown, options["--template"] ?? "auto");
      if (!ok) refused++;
    } catch (error) {
      // a file the server refuses (a 403, a 404, bad Markdown) is reported and the others still go
      if (!(error instanceof InputError)) throw error;
      console.error(`specwright: ${file}: not pushed: ${error.message}`);
      refused++;
    } finally {
      writeState(dir, state);
    }
  }
  if (!files.length) console.log(`${dir} holds no Markdown files`);
  if (refused) throw new InputError(`${refused} file(s) not pushed; see above`);
}

/**
 * Merges a pulled file into its document. Images it shows from the folder that the server
 * lacks (not among `known`, by default what the base shows) are uploaded first.
 */
async function pushTracked(api: Api, dir: string, state: PullState, file: string, markdown: string, known?: Set<string>): Promise<boolean> {
  const { id } = state.files[file]!;
  const base = readBase(dir, id);
  if (base === null) throw new InputError(`${file}: the copy it was pulled as (.specwright/base/${id}.md) is missing; pull again`);
  if (base === markdown) {
    console.log(`${file}: unchanged`);
    return true;
  }
  const sent = await uploadNewImages(api, id, dir, markdown, known ?? imageAddresses(base));
  if (sent.uploaded.length) console.log(`${file}: uploaded ${sent.uploaded.join(", ")}`);
  const res = await api.request("PUT", `/api/documents/${encodeURIComponent(id)}/markdown`, { json: { markdown: sent.markdown, base, label: `Pushed from ${file}` }, allow: [409] });
  if (res.status === 409) {
    const { message, body } = await refusal(res);
    const conflicts = (Array.isArray(body?.conflicts) ? body.conflicts : []) as Conflict[];
    console.error(`specwright: ${file}: not pushed: ${message}`);
    for (const c of conflicts) console.error(`  conflict: “${c.title || "(untitled)"}”`);
    console.error(`  pull the server's version into another folder to compare, or edit ${file} to keep the server's text for those sections`);
    return false;
  }
  const result = (await res.json()) as Applied;
  const merged = await refresh(api, dir, state, file, id);
  await fetchMissingImages(api, dir, merged);
  const changes = [
    ...result.applied.map((a) => (a.change === "renamed" ? `renamed “${a.from ?? ""}” to “${a.title}”` : `${a.change} “${a.title}”`)),
    ...(result.title ? [`renamed to “${result.title}”`] : []),
    ...(result.frontMatter ? ["front matter updated"] : []),
    ...(result.reordered ? ["sections reordered"] : []),
  ].join(", ");
  console.log(`${file}: ${result.version ? `${changes} (saved as v${result.version.number})` : "nothing to change on the server"}`);
  for (const n of result.notTaken) console.error(`specwright: ${file}: ${n.what} not pushed: ${NOT_TAKEN[n.reason] ?? n.reason}`);
  // sections changed on the server came in, and what was not taken is as the server has it
  if (merged !== markdown) console.log(`${file}: now holds the document as the server has it after the merge`);
  return true;
}

/** Writes the document's export.md (as merged) to the file and as its new base; returns it. */
async function refresh(api: Api, dir: string, state: PullState, file: string, id: string): Promise<string> {
  const merged = await (await api.request("GET", `/api/documents/${encodeURIComponent(id)}/export.md`)).text();
  writeFileSync(path.join(dir, file), merged);
  writeBase(dir, id, merged);
  state.files[file] = { ...state.files[file]!, id, syncedAt: new Date().toISOString() };
  return merged;
}

/** Imports a file no document came from; then the images it shows from the folder are uploaded and put in place by a merge. */
async function pushNew(api: Api, dir: string, state: PullState, file: string, markdown: string, template: string | undefined): Promise<boolean> {
  const document = await importOne(api, state.workspace, { file, markdown, template });
  state.files[file] = { id: document.id, title: document.title, syncedAt: new Date().toISOString() };
  await refresh(api, dir, state, file, document.id);
  console.log(`${file}: new document ${document.number ?? document.id} “${document.title}”`);
  const sent = await uploadNewImages(api, document.id, dir, markdown, new Set());
  if (!sent.uploaded.length) return true;
  console.log(`${file}: uploaded ${sent.uploaded.join(", ")}`);
  return pushTracked(api, dir, state, file, sent.markdown, imageAddresses(sent.markdown));
}
