import { describe, expect, it } from "vitest";
import { toErrorResponse } from "@/app/_server/route";
import { createConnection, deleteConnection, listConnections, updateConnection } from "@/lib/gitSync/manage";
import { requestSync } from "@/lib/gitSync/requestSync";
import { open } from "@/lib/secrets/secretBox";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { remoteForTest, withGitSyncEnv } from "./setup";

withGitSyncEnv();

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    return toErrorResponse(error, undefined).status;
  }
  return 200;
}

describe("connecting a repository", () => {
  it("stores the token sealed, never returns it, and opens it only with the key", async () => {
    const ws = await makeWorkspace(["admin"]);
    const admin = ctxFor(ws.members.admin[0]!);
    const created = await createConnection(admin, { slug: ws.slug, repoUrl: "https://git.example.test/acme/designs.git", branch: "docs", path: "/design/", credential: { kind: "token", token: "ghp_very-secret" } });
    expect(created).toMatchObject({ branch: "docs", path: "design", scope: "all", credentialKind: "token", enabled: true, lastCommitSha: null, lastError: null });
    const row = await testDb().gitConnection.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.credential).not.toContain("ghp_very-secret");
    expect(row.credential).toMatch(/^v1\./);
    expect(open(row.credential!, row.id)).toBe("ghp_very-secret");
    const listed = await listConnections(admin, { slug: ws.slug });
    expect(JSON.stringify(listed)).not.toContain("ghp_very-secret");
    expect(JSON.stringify(listed)).not.toContain(row.credential!);

    // an edit without a credential keeps it; "none" removes it
    await updateConnection(admin, { slug: ws.slug, connectionId: created.id, branch: "main" });
    expect((await testDb().gitConnection.findUniqueOrThrow({ where: { id: created.id } })).credential).toBe(row.credential);
    const cleared = await updateConnection(admin, { slug: ws.slug, connectionId: created.id, credential: { kind: "none" } });
    expect(cleared.credentialKind).toBe("none");
    expect((await testDb().gitConnection.findUniqueOrThrow({ where: { id: created.id } })).credential).toBeNull();
  });

  it("is for admins and owners, through admin-scoped tokens only; other workspaces see nothing", async () => {
    const ws = await makeWorkspace(["admin", "editor"]);
    const other = await makeWorkspace();
    const admin = ws.members.admin[0]!;
    const input = { slug: ws.slug, repoUrl: "https://git.example.test/a.git" };
    expect(await statusOf(createConnection(ctxFor(ws.members.editor[0]!), input))).toBe(403);
    expect(await statusOf(createConnection(ctxFor(other.owner), input))).toBe(404);
    const writeToken = { ...admin, token: { tokenId: "t1", scope: "write" as const, workspaceId: ws.id } };
    expect(await statusOf(createConnection(ctxFor(writeToken), input))).toBe(403);
    const adminToken = { ...admin, token: { tokenId: "t2", scope: "admin" as const, workspaceId: ws.id } };
    const created = await createConnection(ctxFor(adminToken), input);
    expect(await statusOf(requestSync(ctxFor(ws.members.editor[0]!), { slug: ws.slug, connectionId: created.id }))).toBe(403);
    expect(await statusOf(deleteConnection(ctxFor(other.owner), { slug: other.slug, connectionId: created.id }))).toBe(404);
    expect(await testDb().gitConnection.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it("refuses bad input with 400 and stores nothing", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const bad = [
      { repoUrl: "https://bot:ghp_x@git.example.test/a.git" },
      { repoUrl: "ftp://git.example.test/a.git" },
      { repoUrl: "https://git.example.test/a.git", branch: "../main" },
      { repoUrl: "https://git.example.test/a.git", path: "../../etc" },
      { repoUrl: "https://git.example.test/a.git", scope: "template" },
      { repoUrl: "https://git.example.test/a.git", scope: "everything" },
      { repoUrl: "https://git.example.test/a.git", credential: { kind: "ssh", privateKey: "not a key" } },
      { repoUrl: "https://git.example.test/a.git", credential: { kind: "token", token: "" } },
    ];
    for (const input of bad) expect(await statusOf(createConnection(owner, { slug: ws.slug, ...(input as { repoUrl: string }) })), JSON.stringify(input)).toBe(400);
    expect(await testDb().gitConnection.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("records a failed sync as the connection's last error, without the credential, and keeps going", async () => {
    const remote = remoteForTest();
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const created = await createConnection(owner, { slug: ws.slug, repoUrl: `${remote.url}-missing`, credential: { kind: "token", token: "tok-should-not-show" } });
    const after = await requestSync(owner, { slug: ws.slug, connectionId: created.id });
    expect(after.lastError).toMatch(/git ls-remote failed/);
    expect(after.lastError).not.toContain("tok-should-not-show");
    expect(after.syncing).toBe(false);
    const fixed = await updateConnection(owner, { slug: ws.slug, connectionId: created.id, repoUrl: remote.url });
    expect(fixed.lastError).toBeNull();
    const synced = await requestSync(owner, { slug: ws.slug, connectionId: created.id });
    expect(synced).toMatchObject({ lastError: null, lastCommitSha: remote.log()[0]!.sha });
  });
});
