import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LANG: "C" };

/** Runs git in `cwd` for a test, as a person would at a terminal. */
export function gitCmd(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync("git", args, { cwd, env: { ...ENV, ...env }, encoding: "utf8" });
}

/** A bare repository on disk with one commit on `main` (a README), and a person's clone of it to push from. */
export function makeRemote() {
  const root = mkdtempSync(path.join(os.tmpdir(), "specwright-git-test-"));
  const bare = path.join(root, "remote.git");
  gitCmd(root, ["init", "-q", "--bare", "-b", "main", bare]);
  const clone = path.join(root, "alice");
  gitCmd(root, ["clone", "-q", bare, clone]);
  const remote = {
    root,
    bare,
    url: `file://${bare}`,
    /** the person's clone brought to the remote's main */
    pull() {
      gitCmd(clone, ["fetch", "-q", "origin"]);
      gitCmd(clone, ["reset", "-q", "--hard", "origin/main"]);
    },
    read(file: string): string {
      return readFileSync(path.join(clone, file), "utf8");
    },
    /** writes files in the clone and pushes one commit, by `who` (Alice by default), to `branch` (main) */
    commit(files: Record<string, string | Buffer>, message: string, who: { name: string; email: string } = { name: "Alice", email: "alice@example.test" }, branch = "main") {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
        writeFileSync(path.join(clone, file), text);
      }
      gitCmd(clone, ["add", "-A"]);
      gitCmd(clone, ["commit", "-q", "-m", message], { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email });
      gitCmd(clone, ["push", "-q", "origin", `HEAD:${branch}`]);
    },
    /** `git log` of the bare repository's main, one object per commit, newest first */
    log(): { sha: string; author: string; committer: string; message: string }[] {
      const out = gitCmd(bare, ["log", "--format=%H%x1f%an <%ae>%x1f%cn <%ce>%x1f%B%x1e", "main"]);
      return out
        .split("\x1e")
        .map((chunk) => chunk.replace(/^\n+/, ""))
        .filter((chunk) => chunk.includes("\x1f"))
        .map((chunk) => {
          const [sha, author, committer, rest] = chunk.split("\x1f") as [string, string, string, string];
          return { sha, author, committer, message: rest.trim() };
        });
    },
    show(file: string, rev = "main"): string {
      return gitCmd(bare, ["show", `${rev}:${file}`]);
    },
    files(rev = "main"): string[] {
      return gitCmd(bare, ["ls-tree", "-r", "--name-only", rev]).split("\n").filter(Boolean);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  remote.commit({ "README.md": "# Designs\n" }, "Start", { name: "Alice", email: "alice@example.test" });
  return remote;
}

/**
 * Makes the bare repository's next push race another one: a pre-receive hook moves `main` to
 * `refs/heads/<branch>` (a commit pushed there beforehand) while the push is being received,
 * once, so the push is refused as if someone else had pushed first.
 */
export function raceNextPush(bare: string, branch: string): void {
  const hook = path.join(bare, "hooks", "pre-receive");
  writeFileSync(
    hook,
    `#!/bin/sh\nif [ ! -f "${bare}/raced" ]; then touch "${bare}/raced"; env -u GIT_QUARANTINE_PATH git update-ref refs/heads/main "$(git rev-parse refs/heads/${branch})"; fi\nexit 0\n`,
    { mode: 0o755 },
  );
}
