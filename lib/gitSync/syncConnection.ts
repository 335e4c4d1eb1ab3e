import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Ctx, Logger } from "../context";
import type { Db } from "../db";
import { formatNumber } from "../documents/numbering";
import { authOf } from "./credentials";
import { GitError } from "./git";
import { keepPinnedHostKeys, placePinnedHostKeys } from "./hostKeys";
import { bringIn, type IncomingReport } from "./incoming";
import { newFilePath, writeDocument, type WrittenDocument } from "./outgoing";
import { localRemotesAllowed } from "./remoteUrl";
import { documentsInScope } from "./scope";
import { serviceCtx } from "./serviceActor";
import { defaultWorkRoot, gitIn, prepareWorkingCopy, pushWasRejected, type Remote } from "./workingCopy";

/** Pushes refused because the remote moved on are retried this many times, each on the remote's new state. */
const PUSH_ATTEMPTS = 3;

export interface SyncOptions {
  /** the folder of working clones (default GIT_SYNC_DIR or `<data dir>/git-sync`) */
  workRoot?: string;
  allowLocal?: boolean;
  log?: Logger;
}

export interface SyncReport {
  /** the remote commit the connection now stands on */
  head: string | null;
  incoming: IncomingReport;
  /** documents committed and pushed by this run */
  committed: string[];
}

type Request = { id: string; documentId: string | null; authorId: string | null; reason: string };
type Connection = NonNullable<Awaited<ReturnType<typeof loadForSync>>>;

function loadForSync(db: Db, id: string) {
  return db.gitConnection.findUnique({ where: { id }, include: { files: true } });
}

/** Which documents the requests ask for, each with its commit's author and reason. */
async function requestedDocuments(db: Db, connection: Connection, requests: Request[]) {
  const wanted = new Map<string, { authorId: string | null; reason: string }>();
  const add = (documentId: string, authorId: string | null, reason: string) => {
    const known = wanted.get(documentId);
    // an approval names its author; a plain "Sync now" leaves the document's owner as author
    if (!known || (reason !== "sync" && known.reason === "sync")) wanted.set(documentId, { authorId, reason });
  };
  for (const r of requests) {
    if (r.documentId) add(r.documentId, r.authorId, r.reason);
    else for (const id of [...connection.files.map((f) => f.documentId), ...(await documentsInScope(db, connection.workspaceId, connection))]) add(id, null, "sync");
  }
  const open = await db.gitSyncConflict.findMany({ where: { connectionId: connection.id, resolvedAt: null }, select: { documentId: true } });
  const blocked = new Set(open.map((c) => c.documentId));
  const docs = await db.document.findMany({
    where: { id: { in: [...wanted.keys()].filter((id) => !blocked.has(id)) }, deletedAt: null, workspaceId: connection.workspaceId },
    select: { id: true, title: true, numberPrefix: true, number: true, owner: { select: { name: true, email: true } } },
  });
  const authorIds = [...new Set([...wanted.values()].map((w) => w.authorId).filter((id): id is string => Boolean(id)))];
  const authors = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u] as const));
  return docs.map((d) => {
    const w = wanted.get(d.id)!;
    const author = (w.authorId && authors.get(w.authorId)) || d.owner;
    return { id: d.id, title: d.title, number: formatNumber(d.numberPrefix, d.number), reason: w.reason, author: { name: author.name, email: author.email } };
  });
}

/** Writes and commits the requested documents into the working clone; files of documents new to the repository get a path. */
async function writeRequested(ctx: Ctx, connection: Connection, dir: string, run: ReturnType<typeof gitIn>, requests: Request[]): Promise<WrittenDocument[]> {
  const docs = await requestedDocuments(ctx.db as Db, connection, requests);
  const fileOf = new Map(connection.files.map((f) => [f.documentId, f.path] as const));
  const taken = new Set(connection.files.map((f) => f.path));
  const written: WrittenDocument[] = [];
  for (const doc of docs) {
    const file = fileOf.get(doc.id) ?? newFilePath(connection.path, doc, (p) => taken.has(p) || existsSync(path.join(dir, p)));
    taken.add(file);
    written.push(await writeDocument(ctx, run, dir, { documentId: doc.id, file, author: doc.author, reason: doc.reason }));
  }
  return written;
}

/** Files that could not be brought in are the connection's last error; a clean sync clears it. */
function problemsOf(incoming: IncomingReport): { lastError: string | null; lastErrorAt: Date | null } {
  if (!incoming.problems.length) return { lastError: null, lastErrorAt: null };
  return { lastError: `Some files were not brought in: ${incoming.problems.join("; ")}`.slice(0, 2000), lastErrorAt: new Date() };
}

/**
 * One sync of a connection, by the one process that claimed it (`runDue.ts`): brings the
 * working clone to the remote branch; brings commits made there since the last sync into
 * the documents (`incoming.ts`); commits the documents asked for (approved, resolved or
 * "Sync now") as the export writes them; pushes, never forcing. A push refused because the
 * remote moved on starts over from the remote's new state, so a file the remote changed is
 * brought in before the document is written over it. Requests are deleted once pushed.
 * Throws (GitError, DomainError) on failure; the caller records it as the last error.
 */
export async function syncConnection(db: Db, connectionId: string, options: SyncOptions = {}): Promise<SyncReport> {
  const connection = await loadForSync(db, connectionId);
  if (!connection) throw new Error(`Git connection ${connectionId} is gone`);
  const workRoot = options.workRoot ?? defaultWorkRoot();
  // a folder outside the app's files (GIT_SYNC_DIR or the data dir): the build must not trace
  // the whole project into this route for it
  const dir = path.join(/*turbopackIgnore: true*/ workRoot, connection.id);
  const auth = authOf(connection);
  const knownHostsFile = path.join(/*turbopackIgnore: true*/ workRoot, `${connection.id}.known_hosts`);
  const remote: Remote = { url: connection.repoUrl, branch: connection.branch, auth: auth.kind === "token" ? auth : { ...auth, knownHostsFile }, allowLocal: options.allowLocal ?? localRemotesAllowed() };
  if (auth.kind === "token") return runSync(db, connection, dir, remote, options);
  const pinned = connection.sshKnownHosts;
  await mkdir(workRoot, { recursive: true });
  await placePinnedHostKeys(knownHostsFile, pinned);
  try {
    return await runSync(db, connection, dir, remote, options);
  } finally {
    // a failed sync may have pinned the key too (ssh trusts it before anything else can fail)
    await keepPinnedHostKeys(db, connection.id, knownHostsFile, pinned);
  }
}

/** The sync itself, once the remote's host keys are in place. */
async function runSync(db: Db, first: Connection, dir: string, remote: Remote, options: SyncOptions): Promise<SyncReport> {
  let connection = first;
  const connectionId = connection.id;
  const run = gitIn(dir, remote);
  const ctx = { ...(await serviceCtx(db, connection)), log: options.log };
  const requests = await db.gitSyncRequest.findMany({ where: { connectionId }, orderBy: { createdAt: "asc" } });
  const incoming: IncomingReport = { updated: [], created: [], conflicts: [], unlinked: [], problems: [] };
  let head: string | null = null;
  let committed: WrittenDocument[] = [];
  for (let attempt = 1; ; attempt++) {
    head = await prepareWorkingCopy(dir, remote);
    if (head && head !== connection.lastCommitSha) {
      const report = await bringIn(ctx, { connection, dir, run, head, remote });
      for (const key of Object.keys(incoming) as (keyof IncomingReport)[]) incoming[key].push(...report[key]);
      await db.gitConnection.update({ where: { id: connection.id }, data: { lastCommitSha: head } });
      connection = (await loadForSync(db, connectionId))!;
    }
    const written = await writeRequested(ctx, connection, dir, run, requests);
    committed = written.filter((w) => w.committed);
    if (committed.length) {
      try {
        await run(["push", "-q", "origin", `HEAD:refs/heads/${remote.branch}`]);
      } catch (error) {
        if (error instanceof GitError && pushWasRejected(error.stderr) && attempt < PUSH_ATTEMPTS) {
          options.log?.info({ connectionId, attempt }, "the repository moved on while syncing; starting over from its new state");
          continue;
        }
        throw error;
      }
      head = (await run(["rev-parse", "HEAD"])).trim();
    }
    await db.$transaction(async (tx) => {
      for (const w of written) {
        await tx.gitSyncedFile.upsert({
          where: { connectionId_documentId: { connectionId, documentId: w.documentId } },
          create: { connectionId, documentId: w.documentId, path: w.path, baseMarkdown: w.markdown, contentHash: w.contentHash },
          update: { path: w.path, baseMarkdown: w.markdown, contentHash: w.contentHash, syncedAt: new Date() },
        });
      }
      await tx.gitSyncRequest.deleteMany({ where: { id: { in: requests.map((r) => r.id) } } });
      await tx.gitConnection.update({ where: { id: connectionId }, data: { lastCommitSha: head, lastSyncAt: new Date(), ...problemsOf(incoming) } });
    });
    break;
  }
  return { head, incoming, committed: committed.map((c) => c.documentId) };
}
