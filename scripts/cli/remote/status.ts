import { readdirSync } from "node:fs";
import { STATUS_LABELS, type DocumentStatus } from "../../../lib/documents/status";
import { UsageError } from "../errors";
import { Api } from "./client";
import { requireRemote } from "./config";
import { readBase, readLocal, requireState } from "./state";

interface Summary {
  id: string;
  number: string | null;
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

/**
 * `specwright status [dir]`: each Markdown file of a pulled folder as unchanged, changed
 * locally, changed on the server, changed on both sides, new (no document yet) or gone from
 * the server, with the document's review status. Reads only; exits 0.
 */
export async function status(args: string[]): Promise<void> {
  if (args.some((a) => a.startsWith("--"))) throw new UsageError(`unknown option ${args.find((a) => a.startsWith("--"))}`);
  if (args.length > 1) throw new UsageError("status takes one directory");
  const dir = args[0] ?? ".";
  const state = requireState(dir);
  const api = new Api(requireRemote());
  const documents = await documentsOf(api, state.workspace);
  const files = [...new Set([...Object.keys(state.files), ...readdirSync(dir).filter((f) => f.endsWith(".md") && !f.startsWith("."))])].sort();
  const rows: [string, string, string][] = [];
  for (const file of files) {
    const tracked = state.files[file];
    const local = readLocal(dir, file);
    if (!tracked) {
      rows.push([file, "new", "no document yet: push imports it"]);
      continue;
    }
    const doc = documents.get(tracked.id);
    const name = `${doc?.number ?? tracked.id} “${tracked.title}”`;
    if (!doc) {
      rows.push([file, "gone from server", `${name} is in the trash or was deleted`]);
      continue;
    }
    const base = readBase(dir, tracked.id);
    const server = await (await api.request("GET", `/api/documents/${encodeURIComponent(tracked.id)}/export.md`)).text();
    const localChanged = local === null || base === null || local !== base;
    const serverChanged = base === null || contentOf(server) !== contentOf(base);
    const state_ = local === null ? "deleted locally" : localChanged && serverChanged ? "changed on both sides" : localChanged ? "changed locally" : serverChanged ? "changed on server" : "unchanged";
    rows.push([file, state_, `${name}, ${STATUS_LABELS[doc.status] ?? doc.status}`]);
  }
  const width = Math.max(...rows.map((r) => r[1].length), 0);
  const fileWidth = Math.max(...rows.map((r) => r[0].length), 0);
  console.log(`${dir}: workspace "${state.workspace}" on ${state.server}`);
  for (const [file, what, about] of rows) console.log(`  ${what.padEnd(width)}  ${file.padEnd(fileWidth)}  ${about}`);
  if (!rows.length) console.log("  no Markdown files");
}
