import { describe, expect, it } from "vitest";
import { remoteUrlProblem } from "@/lib/gitSync/remoteUrl";

describe("repository addresses", () => {
  it.each(["https://github.com/acme/designs.git", "ssh://git@github.com/acme/designs.git", "git@github.com:acme/designs.git", "https://bot@gitlab.example/acme/designs"])("takes %s", (url) => {
    expect(remoteUrlProblem(url, false)).toBeNull();
  });

  it("refuses a token in the address, other transports, options and local repositories unless allowed", () => {
    expect(remoteUrlProblem("https://bot:ghp_x@github.com/acme/d.git", false)).toMatch(/credential field/);
    expect(remoteUrlProblem("http://github.com/acme/d.git", false)).toMatch(/https/);
    expect(remoteUrlProblem("ext::sh -c touch% /tmp/x", false)).not.toBeNull();
    expect(remoteUrlProblem("--upload-pack=touch", false)).not.toBeNull();
    expect(remoteUrlProblem("file:///srv/repo.git", false)).toMatch(/GIT_SYNC_ALLOW_LOCAL/);
    expect(remoteUrlProblem("/srv/repo.git", false)).toMatch(/GIT_SYNC_ALLOW_LOCAL/);
    expect(remoteUrlProblem("file:///srv/repo.git", true)).toBeNull();
  });
});
