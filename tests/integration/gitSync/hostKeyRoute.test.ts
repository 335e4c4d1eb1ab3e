import { describe, expect, it } from "vitest";
import { DELETE as forgetRoute } from "@/app/api/workspaces/[slug]/git-sync/[connectionId]/host-key/route";
import { createPersonalToken } from "@/lib/apiTokens/createToken";
import type { Actor } from "@/lib/context";
import { createConnection, updateConnection } from "@/lib/gitSync/manage";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { call } from "../apiTokens/support";

const PINNED = "[git.example.test]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRlc3QtaG9zdC1rZXktYnl0ZXMtMzItbG9uZyEh\n";

async function adminToken(actor: Actor): Promise<{ id: string; secret: string }> {
  const { token, secret } = await createPersonalToken(ctxFor(actor), { name: "deploy-bot", scope: "admin", expiresInDays: 30 });
  return { id: token.id, secret };
}

/** A workspace with an editor and an admin, and an SSH connection holding a pinned host key. */
async function pinnedConnection() {
  const ws = await makeWorkspace(["editor", "admin"]);
  const connection = await createConnection(ctxFor(ws.owner), { slug: ws.slug, repoUrl: "ssh://git@git.example.test:2222/docs.git", credential: { kind: "none" } });
  await testDb().gitConnection.update({ where: { id: connection.id }, data: { sshKnownHosts: PINNED } });
  const url = `/api/workspaces/${ws.slug}/git-sync/${connection.id}/host-key`;
  return { ws, connection, url, params: { slug: ws.slug, connectionId: connection.id } };
}

const held = async (id: string) => (await testDb().gitConnection.findUniqueOrThrow({ where: { id } })).sshKnownHosts;

describe("DELETE /api/workspaces/:slug/git-sync/:connectionId/host-key", () => {
  it("refuses an editor (403) and keeps the key", async () => {
    const { ws, connection, url, params } = await pinnedConnection();
    const editor = await adminToken(ws.members.editor[0]!);
    const res = await call(forgetRoute, "DELETE", url, { token: editor.secret, params });
    expect(res.status).toBe(403);
    expect(await held(connection.id)).toBe(PINNED);
    expect(await testDb().activity.count({ where: { subjectId: connection.id, kind: "gitSync.hostKeyForgotten" } })).toBe(0);
  });

  it("answers 404 for another workspace's connection and 400 for a malformed id", async () => {
    const { ws, connection } = await pinnedConnection();
    const other = await makeWorkspace();
    const owner = await adminToken(other.owner);
    const foreign = await call(forgetRoute, "DELETE", "/x", { token: owner.secret, params: { slug: other.slug, connectionId: connection.id } });
    expect(foreign.status).toBe(404);
    const malformed = await call(forgetRoute, "DELETE", "/x", { token: (await adminToken(ws.owner)).secret, params: { slug: ws.slug, connectionId: "not an id!" } });
    expect(malformed.status).toBe(400);
    expect(await held(connection.id)).toBe(PINNED);
  });

  it("lets an admin forget the key, records it with the fingerprint, and answers 409 when nothing is left to forget", async () => {
    const { ws, connection, url, params } = await pinnedConnection();
    const admin = await adminToken(ws.members.admin[0]!);
    const before = await call(forgetRoute, "DELETE", url, { token: admin.secret, params });
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ id: connection.id, hostKeys: [], overSsh: true });
    expect(await held(connection.id)).toBe("");
    const logged = await testDb().activity.findFirstOrThrow({ where: { subjectId: connection.id, kind: "gitSync.hostKeyForgotten" } });
    expect(logged.actorId).toBe(ws.members.admin[0]!.userId);
    expect(logged.data).toMatchObject({ repoUrl: "ssh://git@git.example.test:2222/docs.git", fingerprints: [expect.stringMatching(/^SHA256:[A-Za-z0-9+/]{43}$/)], viaToken: admin.id });

    const again = await call(forgetRoute, "DELETE", url, { token: admin.secret, params });
    expect(again.status).toBe(409);
    expect(again.json?.error).toMatch(/no SSH host key/);
  });

  it("is not needed when the connection is pointed at another address: the old host's key goes with it", async () => {
    const { ws, connection } = await pinnedConnection();
    await updateConnection(ctxFor(ws.owner), { slug: ws.slug, connectionId: connection.id, branch: "docs" });
    expect(await held(connection.id)).toBe(PINNED);
    const moved = await updateConnection(ctxFor(ws.owner), { slug: ws.slug, connectionId: connection.id, repoUrl: "ssh://git@elsewhere.example.test/docs.git" });
    expect(moved.hostKeys).toEqual([]);
    expect(await held(connection.id)).toBe("");
  });
});
