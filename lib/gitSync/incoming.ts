import { can, membershipOf } from "../access/policy";
import type { Ctx } from "../context";
import type { Db } from "../db";
import { DomainError } from "../errors";
import { inTransaction } from "../db/tx";
import { bundlePath, localImageRefs } from "../images/bundlePaths";
import { importBundle, type BundleFile } from "../import/importBundle";
import { gitBytes, type GitError } from "./git";
import { describeRefused } from "./frontMatterIn";
import { mergeIncoming } from "./mergeIncoming";
import { storeNewImages } from "./repoImages";
import type { gitIn, Remote } from "./workingCopy";

/** What a sync brought in from the repository, by document id (paths for unlinked files). */
export interface IncomingReport {
  updated: string[];
  created: string[];
  /** documents with sections both sides changed: recorded, nothing overwritten */
  conflicts: string[];
  /** files deleted in the repository: the document stays, no longer kept there */
  unlinked: string[];
  /** files that could not be brought in, with the reason (empty, not UTF-8, too large…); tried again when they change */
  problems: string[];
}

type KeptFile = { documentId: string; path: string; baseMarkdown: string };

interface IncomingInput {
  connection: { id: string; workspaceId: string; createdById: string; path: string; lastCommitSha: string | null; files: KeptFile[] };
  dir: string;
  run: ReturnType<typeof gitIn>;
  head: string;
  remote: Remote;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/** Markdown files under the connection's folder that changed between the last synced commit and `head` (all of them when there is none, or it is gone). */
async function changedFiles(input: IncomingInput): Promise<{ status: "A" | "M" | "D"; path: string }[]> {
  const scope = input.connection.path || ".";
  const last = input.connection.lastCommitSha;
  const known = last ? await input.run(["cat-file", "-e", `${last}^{commit}`]).then(() => true, () => false) : false;
  if (!known) {
    const all = (await input.run(["ls-tree", "-r", "-z", "--name-only", input.head, "--", scope])).split("\0").filter(Boolean);
    const present = new Set(all);
    // a file the connection kept that is no longer there was deleted
    return [...all.map((p) => ({ status: "M" as const, path: p })), ...input.connection.files.filter((f) => !present.has(f.path)).map((f) => ({ status: "D" as const, path: f.path }))].filter((f) => MARKDOWN.test(f.path));
  }
  const out = (await input.run(["diff", "--name-status", "--no-renames", "-z", last!, input.head, "--", scope])).split("\0").filter(Boolean);
  const changes: { status: "A" | "M" | "D"; path: string }[] = [];
  for (let i = 0; i + 1 < out.length; i += 2) {
    const status = out[i]!.charAt(0);
    if (MARKDOWN.test(out[i + 1]!)) changes.push({ status: status === "D" ? "D" : status === "A" ? "A" : "M", path: out[i + 1]! });
  }
  return changes;
}

/** Who made the last commit to a file in this sync's range: a workspace member by email (one who may edit), else the service. */
async function attributedCtx(ctx: Ctx, input: IncomingInput, file: string): Promise<Ctx> {
  const range = input.connection.lastCommitSha ? [`${input.connection.lastCommitSha}..${input.head}`] : [input.head];
  const email = (await input.run(["log", "-1", "--format=%ae", ...range, "--", file]).catch(() => "")).trim();
  if (!email) return ctx;
  const row = await (ctx.db as Db).membership.findFirst({ where: { workspaceId: input.connection.workspaceId, user: { email: { equals: email, mode: "insensitive" } } }, include: { user: true } });
  if (!row) return ctx;
  const actor = { userId: row.user.id, email: row.user.email, name: row.user.name };
  return can(membershipOf(actor, row), "document.edit") && can(membershipOf(actor, row), "document.import") ? { ...ctx, actor } : ctx;
}

/** A new file of the repository as a new document, with the images it refers to by relative path. */
async function importNew(ctx: Ctx, input: IncomingInput, file: string, markdown: string): Promise<string> {
  const files: BundleFile[] = [{ path: file, bytes: Buffer.from(markdown, "utf8") }];
  for (const ref of localImageRefs(markdown)) {
    const target = bundlePath(file, ref.src);
    if (!target || files.some((f) => f.path === target)) continue;
    const bytes = await gitBytes(input.dir, input.head, target, { allowLocal: input.remote.allowLocal }).catch((error: GitError) => (void error, null));
    if (bytes) files.push({ path: target, bytes });
  }
  const workspace = await (ctx.db as Db).workspace.findUniqueOrThrow({ where: { id: input.connection.workspaceId }, select: { slug: true } });
  const [result] = await inTransaction(ctx, (tx) => importBundle(tx, { slug: workspace.slug, files }));
  return result!.document.id;
}

/**
 * Brings commits made in the repository since the last sync into the documents: a changed
 * file a document is kept in is merged section by section against what both sides last
 * agreed on (`mergeIncoming.ts`: sections only the repository changed are written through the
 * live Y.Doc as a new version, sections both changed become a recorded conflict); a new file
 * becomes a new document (the importer); a deleted file leaves its document, no longer kept.
 * Each is attributed to the commit's author when that email is a member who may edit, else
 * to the connection's service actor. The file's text becomes the new base.
 */
export async function bringIn(ctx: Ctx, input: IncomingInput): Promise<IncomingReport> {
  const db = ctx.db as Db;
  const report: IncomingReport = { updated: [], created: [], conflicts: [], unlinked: [], problems: [] };
  const byPath = new Map(input.connection.files.map((f) => [f.path, f] as const));
  for (const change of await changedFiles(input)) {
    const kept = byPath.get(change.path);
    if (change.status === "D") {
      if (kept) {
        await db.gitSyncedFile.deleteMany({ where: { connectionId: input.connection.id, documentId: kept.documentId } });
        report.unlinked.push(change.path);
      }
      continue;
    }
    const markdown = await input.run(["show", `${input.head}:${change.path}`]);
    if (kept?.baseMarkdown === markdown) continue;
    try {
      await bringInFile(ctx, input, change.path, markdown, kept, report);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.problems.push(`${change.path}: ${error.message}`);
    }
  }
  return report;
}

/** One changed file: a new document, or a merge into the document kept in it. */
async function bringInFile(ctx: Ctx, input: IncomingInput, file: string, markdown: string, kept: KeptFile | undefined, report: IncomingReport): Promise<void> {
  const db = ctx.db as Db;
  const actorCtx = await attributedCtx(ctx, input, file);
  if (!kept) {
    const documentId = await importNew(actorCtx, input, file, markdown);
    await db.gitSyncedFile.create({ data: { connectionId: input.connection.id, documentId, path: file, baseMarkdown: markdown, contentHash: "" } });
    report.created.push(documentId);
    return;
  }
  // images the edit adds come in as an import's would; the base keeps the file as written
  const incoming = await storeNewImages(actorCtx, { workspaceId: input.connection.workspaceId, dir: input.dir, head: input.head, file, markdown, allowLocal: input.remote.allowLocal });
  const outcome = await mergeIncoming(actorCtx, { connectionId: input.connection.id, documentId: kept.documentId, base: kept.baseMarkdown, incoming, commitSha: input.head });
  if (outcome.notTaken.length) report.problems.push(describeRefused(file, outcome.notTaken.map((n) => ({ key: n.what, reason: n.reason }))));
  await db.gitSyncedFile.update({ where: { connectionId_documentId: { connectionId: input.connection.id, documentId: kept.documentId } }, data: { baseMarkdown: markdown, syncedAt: new Date() } });
  if (outcome.changed) report.updated.push(kept.documentId);
  if (outcome.conflicts) report.conflicts.push(kept.documentId);
}

