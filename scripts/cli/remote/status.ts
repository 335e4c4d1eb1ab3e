import { readdirSync } from "node:fs";
import { STATUS_LABELS, type DocumentStatus } from "../../../lib/documents/status";
import { parseArgs } from "../args";
import { UsageError } from "../errors";
import { Api } from "./client";
import { requireRemote } from "./config";
import { readBase, readLocal, requireState } from "./state";

interface Summary {
  id: string;
  number: string | null;
  title: string;
  status: DocumentStatus;
}

/** The Markdown after its front matter, and the front matter's content_hash: what says whether the content changed (a status change alone does not). */
function contentOf(markdown: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  const hash = match ? /^content_hash:\s*(\S+)\s*$/m.exec(match[1]!)?.[1] : undefined;
  return `${hash ?? ""}\n${match ? markdown.slice(match[0].length) : markdown}`;
}

/** Every document of the workspace by id, a page of 100 at a time. */
async function documentsOf(api: Api, slug: string): Promise<Map<string, Summary>> {
  const found = new Map<string, Summary>();
  for (let page = 1; ; page++) {
    const answer = await api.json<{ items: Summary[]; pages: number }>("GET", `/api/workspaces/${encodeURIComponent(slug)}/documents?pageSize=100&page=${page}`);
    for (const d of answer.items) found.set(d.id, d);
    if (page >= answer.pages) return found;
  }
}

/** One file's line of `status`; `--json` prints these as they are. */
interface FileStatus {
  file: string;
  state: "unchanged" | "changed locally" | "changed on server" | "changed on both sides" | "deleted locally" | "new" | "gone from server";
  document: { id: string; number: string | null; title: string; status: DocumentStatus | null } | null;
}

/**
 * `specwright status [dir] [--json]`: each Markdown file of a pulled folder as unchanged,
 * changed locally, changed on the server, changed on both sides, new (no document yet) or
 * gone from the server, with the document's review status. Reads only; exits 0.
 */
export async function status(args: string[]): Promise<void> {
  const { flags, positional } = parseArgs(args, [], ["--json"]);
  if (positional.length > 1) throw new UsageError("status takes one directory");
  const dir = positional[0] ?? ".";
  const state = requireState(dir);
  const api = new Api(requireRemote());
  const documents = await documentsOf(api, state.workspace);
  const files = [...new Set([...Object.keys(state.files), ...readdirSync(dir).filter((f) => f.endsWith(".md") && !f.startsWith("."))])].sort();
  const rows: FileStatus[] = [];
  for (const file of files) {
    const tracked = state.files[file];
    const local = readLocal(dir, file);
    if (!tracked) {
      rows.push({ file, state: "new", document: null });
      continue;
    }
    const doc = documents.get(tracked.id);
    const document = { id: tracked.id, number: doc?.number ?? null, title: doc?.title ?? tracked.title, status: doc?.status ?? null };
    if (!doc) {
      rows.push({ file, state: "gone from server", document });
      continue;
    }
    const base = readBase(dir, tracked.id);
    const server = await (await api.request("GET", `/api/documents/${encodeURIComponent(tracked.id)}/export.md`)).text();
    const localChanged = local === null || base === null || local !== base;
    const serverChanged = base === null || contentOf(server) !== contentOf(base);
    const what = local === null ? "deleted locally" : localChanged && serverChanged ? "changed on both sides" : localChanged ? "changed locally" : serverChanged ? "changed on server" : "unchanged";
    rows.push({ file, state: what, document });
  }
  if (flags.has("--json")) {
    console.log(JSON.stringify({ dir, server: state.server, workspace: state.workspace, files: rows }, null, 2));
    return;
  }
  print(dir, state.workspace, state.server, rows);
}

function describe(row: FileStatus): string {
  if (!row.document) return "no document yet: push imports it";
  const name = `${row.document.number ?? row.document.id} “${row.document.title}”`;
  if (row.state === "gone from server") return `${name} is in the trash or was deleted`;
  return `${name}, ${row.document.status ? STATUS_LABELS[row.document.status] : "?"}`;
}

function print(dir: string, workspace: string, server: string, rows: FileStatus[]): void {
  const width = Math.max(...rows.map((r) => r.state.length), 0);
  const fileWidth = Math.max(...rows.map((r) => r.file.length), 0);
  console.log(`${dir}: workspace "${workspace}" on ${server}`);
  for (const row of rows) console.log(`  ${row.state.padEnd(width)}  ${row.file.padEnd(fileWidth)}  ${describe(row)}`);
  if (!rows.length) console.log("  no Markdown files");
}
