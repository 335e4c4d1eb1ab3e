import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { git, type GitAuth, type GitOptions } from "./git";

/** Where and how a connection's repository is reached. */
export interface Remote {
  url: string;
  branch: string;
  auth: GitAuth;
  allowLocal: boolean;
}

/** The folder holding each connection's working clone: GIT_SYNC_DIR, else `<data dir>/git-sync`. */
export function defaultWorkRoot(env: Partial<Record<string, string>> = process.env): string {
  // outside the app's files: the build must not trace the whole project into the routes that sync
  return path.resolve(/*turbopackIgnore: true*/ env.GIT_SYNC_DIR ?? path.join(env.SPECWRIGHT_DATA_DIR ?? ".data", "git-sync"));
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * Whether the clone's own config already turns hooks off and names this remote, once each, as
 * `git config` writes them (a tab, the key, " = ", the value), and includes no other file.
 * Anything else (a second value, a value git had to quote) reads as not configured: the
 * settings are written again, and git refuses a key that holds several values.
 */
async function configured(dir: string, url: string): Promise<boolean> {
  const text = await readFile(path.join(dir, ".git", "config"), "utf8").catch(() => "");
  const once = (key: string) => (text.match(new RegExp(`^\\s*${key}\\s*=`, "gim")) ?? []).length === 1;
  return (
    !/^\s*\[include/im.test(text) &&
    once("hooksPath") &&
    once("url") &&
    /^\[core\]$[^[]*^\thooksPath = \/dev\/null$/m.test(text) &&
    text.includes(`[remote "origin"]\n\turl = ${url}\n`)
  );
}

/** A bound `git` for one working clone and remote. */
export function gitIn(dir: string, remote: Remote) {
  return (args: string[], options: Omit<GitOptions, "auth" | "allowLocal"> = {}) => git(dir, args, { ...options, auth: remote.auth, allowLocal: remote.allowLocal });
}

/**
 * Brings the connection's working clone to the remote branch as it is now, whatever was left
 * in it (the clone is a cache: any process may rebuild it): fetches the branch and checks it
 * out clean. Returns the remote commit, or null when the branch does not exist yet (an empty
 * repository), leaving an empty unborn branch to commit onto.
 */
export async function prepareWorkingCopy(dir: string, remote: Remote): Promise<string | null> {
  await mkdir(dir, { recursive: true });
  const run = gitIn(dir, remote);
  if (!(await exists(path.join(dir, ".git")))) await run(["init", "-q", "-b", remote.branch]);
  // two processes saved on every sync once the clone has them (a poll of an idle connection runs six)
  if (!(await configured(dir, remote.url))) {
    await run(["config", "core.hooksPath", "/dev/null"]);
    await run(["config", "remote.origin.url", remote.url]);
  }
  const listed = await run(["ls-remote", "origin", `refs/heads/${remote.branch}`]);
  const head = listed.split(/\s/)[0] || null;
  if (head) {
    await run(["fetch", "-q", "--no-tags", "origin", `+refs/heads/${remote.branch}:refs/remotes/origin/${remote.branch}`]);
    await run(["checkout", "-q", "-f", "-B", remote.branch, `refs/remotes/origin/${remote.branch}`]);
  } else {
    await run(["symbolic-ref", "HEAD", `refs/heads/${remote.branch}`]);
    await run(["update-ref", "-d", `refs/heads/${remote.branch}`]).catch(() => "");
    await run(["read-tree", "--empty"]);
  }
  await run(["clean", "-q", "-ffdx"]);
  return head;
}

/** Whether a push was refused because the remote moved on (another commit came first). */
export function pushWasRejected(stderr: string): boolean {
  return /\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|stale info/i.test(stderr);
}
