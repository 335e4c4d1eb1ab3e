import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Ctx } from "../context";
import { exportDocumentMarkdown } from "../export/exportDocument";
import { loadPrintable, slugify } from "../export/exportable";
import { withApprovals } from "./approvalsFrontMatter";
import { commitMessage, identityEnv, type GitPerson } from "./commitMessage";

type Run = (args: string[], options?: { env?: Record<string, string>; input?: string }) => Promise<string>;

/** A document written to the working clone: its file, the bytes, and whether a commit was made. */
export interface WrittenDocument {
  documentId: string;
  path: string;
  markdown: string;
  contentHash: string;
  committed: boolean;
}

/** `docs/TD-0003-payments-ledger.md`: the number and title, in the connection's folder; `-2`, `-3` when taken. */
export function newFilePath(folder: string, doc: { number: string | null; title: string }, taken: (p: string) => boolean): string {
  const base = [doc.number, slugify(doc.title)].filter(Boolean).join("-");
  for (let n = 1; ; n++) {
    const candidate = path.posix.join(folder, `${base}${n > 1 ? `-${n}` : ""}.md`);
    if (!taken(candidate)) return candidate;
  }
}

/**
 * Writes one document's Markdown (the export's bytes) and the images it shows into the working
 * clone at `file`, and commits them when they differ from what the branch holds: authored by
 * `author`, committed by the service, the message and the front matter (`approvalsFrontMatter.ts`,
 * also for a file that came from the repository) listing the approvals with their content
 * hashes. Reads through `ctx` (`document.export`).
 */
export async function writeDocument(ctx: Ctx, run: Run, dir: string, input: { documentId: string; file: string; author: GitPerson; reason: string }): Promise<WrittenDocument> {
  const printable = await loadPrintable(ctx, input.documentId);
  const exported = await exportDocumentMarkdown(ctx, { documentId: input.documentId }, { bundled: true });
  const folder = path.posix.dirname(input.file);
  const files = [input.file, ...exported.images.map((i) => path.posix.join(folder, i.path))];
  await mkdir(path.join(dir, folder), { recursive: true });
  const markdown = withApprovals(exported.markdown, printable.reviewers);
  await writeFile(path.join(dir, input.file), markdown);
  for (const image of exported.images) {
    const target = path.join(dir, folder, image.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, image.bytes);
  }
  await run(["add", "--", ...files]);
  const changed = (await run(["status", "--porcelain", "--", ...files])).trim() !== "";
  if (changed) {
    const message = commitMessage({ reason: input.reason, title: printable.title, number: printable.number ?? null, status: printable.status, contentHash: printable.contentHash, documentId: input.documentId, reviewers: printable.reviewers });
    await run(["commit", "-q", "-F", "-"], { env: identityEnv(input.author), input: message });
  }
  return { documentId: input.documentId, path: input.file, markdown, contentHash: printable.contentHash, committed: changed };
}
