import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { git, GitError } from "@/lib/gitSync/git";

const cwd = mkdtempSync(path.join(os.tmpdir(), "specwright-gitauth-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key-but-secret-material\n-----END OPENSSH PRIVATE KEY-----";
const sshDirs = () => readdirSync(os.tmpdir()).filter((d) => d.startsWith("specwright-ssh-"));

describe("git with credentials", () => {
  it("uses an SSH key from a private file that is gone afterwards, and never repeats it in errors", async () => {
    const before = sshDirs();
    const failed = await git(cwd, ["ls-remote", "ssh://git@127.0.0.1:1/acme/designs.git"], { auth: { kind: "ssh", privateKey: KEY } }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(GitError);
    expect((failed as GitError).message).not.toContain("secret-material");
    expect(sshDirs()).toEqual(before);
  });

  it("sends an HTTPS token in a header set through the environment, not the command line", async () => {
    const failed = await git(cwd, ["ls-remote", "https://127.0.0.1:1/acme/designs.git"], { auth: { kind: "token", user: "x-access-token", token: "tok-in-env-only" } }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(GitError);
    expect((failed as GitError).stderr).not.toContain("tok-in-env-only");
  });

  it("refuses transports other than https and ssh, and local ones unless allowed", async () => {
    await expect(git(cwd, ["ls-remote", "ext::sh -c true"])).rejects.toThrow(/transport 'ext' not allowed|not allowed/);
    await expect(git(cwd, ["ls-remote", `file://${cwd}`])).rejects.toThrow(/not allowed/);
  });
});
