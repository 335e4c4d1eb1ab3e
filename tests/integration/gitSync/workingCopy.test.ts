import { chmodSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prepareWorkingCopy, type Remote } from "@/lib/gitSync/workingCopy";
import { makeRemote } from "../../support/gitRepo";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function remoteWithCommit(file: string) {
  const remote = makeRemote();
  cleanups.push(() => remote.remove());
  remote.commit({ [file]: `# ${file}\n` }, `Add ${file}`);
  return remote;
}

const reach = (url: string): Remote => ({ url, branch: "main", auth: { kind: "none" }, allowLocal: true });

describe("a connection's working clone", () => {
  it("follows the connection to another repository, and never runs a hook of the clone", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "specwright-clone-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = remoteWithCommit("first.md");
    const second = remoteWithCommit("second.md");

    expect(await prepareWorkingCopy(dir, reach(first.url))).toBe(first.log()[0]!.sha);
    expect(existsSync(path.join(dir, "first.md"))).toBe(true);
    // a hook left in the clone (the clone is a cache any process may have written) must not run
    const ran = path.join(dir, "..", `hook-ran-${path.basename(dir)}`);
    cleanups.push(() => rmSync(ran, { force: true }));
    const hook = path.join(dir, ".git", "hooks", "post-checkout");
    writeFileSync(hook, `#!/bin/sh\ntouch '${ran}'\n`);
    chmodSync(hook, 0o755);
    expect(await prepareWorkingCopy(dir, reach(first.url))).toBe(first.log()[0]!.sha);

    // the connection now points at another repository: its branch, not the old one's
    expect(await prepareWorkingCopy(dir, reach(second.url))).toBe(second.log()[0]!.sha);
    expect(existsSync(path.join(dir, "second.md"))).toBe(true);
    expect(existsSync(path.join(dir, "first.md"))).toBe(false);
    expect(existsSync(ran)).toBe(false);
    // about twenty git processes: see withGitSyncEnv (setup.ts) for why they get this long
  }, 90_000);
});
