import { afterEach, describe, expect, it } from "vitest";
import { DELETE as deleteDocument, GET as getDocument, PATCH as patchDocument } from "@/app/api/documents/[documentId]/route";
import { GET as exportMarkdown } from "@/app/api/documents/[documentId]/export.md/route";
import { GET as listMyTokens, POST as createMyToken } from "@/app/api/me/tokens/route";
import { DELETE as signOutEverywhere } from "@/app/api/me/sessions/route";
import { GET as listWorkspacesRoute, POST as createWorkspaceRoute } from "@/app/api/workspaces/route";
import { PATCH as changeRoleRoute } from "@/app/api/workspaces/[slug]/members/[userId]/route";
import { POST as createDocumentRoute } from "@/app/api/workspaces/[slug]/documents/route";
import { createPersonalToken, createWorkspaceToken } from "@/lib/apiTokens/createToken";
import { revokePersonalToken } from "@/lib/apiTokens/revokeToken";
import type { TokenScope } from "@/lib/access/scopes";
import type { Actor } from "@/lib/context";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { call, makeDocument } from "./support";

async function tokenFor(actor: Actor, scope: TokenScope): Promise<{ id: string; secret: string }> {
  const { token, secret } = await createPersonalToken(ctxFor(actor), { name: `${scope} token`, scope, expiresInDays: 30 });
  return { id: token.id, secret };
}

const title = async (documentId: string) => (await testDb().document.findUniqueOrThrow({ where: { id: documentId } })).title;

describe("Authorization: Bearer on /api routes", () => {
  it("lets a read token read a document and refuses its writes, changing nothing", async () => {
    const ws = await makeWorkspace();
    const documentId = await makeDocument(ws.owner, ws.slug, "Kept");
    const { secret } = await tokenFor(ws.owner, "read");
    const read = await call(getDocument, "GET", `/api/documents/${documentId}`, { token: secret, params: { documentId } });
    expect(read.status).toBe(200);
    expect(read.json?.title).toBe("Kept");
    const download = await call(exportMarkdown, "GET", `/api/documents/${documentId}/export.md`, { token: secret, params: { documentId } });
    expect(download.status).toBe(200);
    expect(download.text).toContain("Kept");
    const write = await call(patchDocument, "PATCH", `/api/documents/${documentId}`, { token: secret, params: { documentId }, body: { title: "Changed" } });
    expect(write.status).toBe(403);
    expect(write.json?.error).toMatch(/may only read/);
    const create = await call(createDocumentRoute, "POST", `/api/workspaces/${ws.slug}/documents`, { token: secret, params: { slug: ws.slug }, body: { templateId: "x", title: "New" } });
    expect(create.status).toBe(403);
    expect(create.json?.error).toMatch(/may only read/);
    expect(await title(documentId)).toBe("Kept");
    expect(await testDb().document.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it("lets a write token edit within its owner's role, never beyond it, and never run the workspace", async () => {
    const ws = await makeWorkspace(["viewer", "editor"]);
    const documentId = await makeDocument(ws.owner, ws.slug, "Before");
    const ownerWrite = await tokenFor(ws.owner, "write");
    const edited = await call(patchDocument, "PATCH", `/api/documents/${documentId}`, { token: ownerWrite.secret, params: { documentId }, body: { title: "After" } });
    expect(edited.status).toBe(200);
    expect(await title(documentId)).toBe("After");
    // what the token changed names the token in the activity log
    const trashed = await call(deleteDocument, "DELETE", `/api/documents/${documentId}`, { token: ownerWrite.secret, params: { documentId } });
    expect(trashed.status).toBe(204);
    const logged = await testDb().activity.findFirstOrThrow({ where: { subjectId: documentId, kind: "document.trashed" } });
    expect(logged.data).toEqual({ viaToken: ownerWrite.id });
    await testDb().document.update({ where: { id: documentId }, data: { deletedAt: null, deletedById: null } });

    // a viewer's token, even admin-scoped, edits nothing
    const viewerAdmin = await tokenFor(ws.members.viewer[0]!, "admin");
    const refused = await call(patchDocument, "PATCH", `/api/documents/${documentId}`, { token: viewerAdmin.secret, params: { documentId }, body: { title: "Viewer" } });
    expect(refused.status).toBe(403);
    expect(await title(documentId)).toBe("After");

    // changing a member's role is running the workspace: the owner's write token may not, their admin token may
    const editor = ws.members.editor[0]!;
    const params = { slug: ws.slug, userId: editor.userId };
    const byWrite = await call(changeRoleRoute, "PATCH", `/api/workspaces/${ws.slug}/members/${editor.userId}`, { token: ownerWrite.secret, params, body: { role: "viewer" } });
    expect(byWrite.status).toBe(403);
    const role = async () => (await testDb().membership.findFirstOrThrow({ where: { workspaceId: ws.id, userId: editor.userId } })).role;
    expect(await role()).toBe("editor");
    const ownerAdmin = await tokenFor(ws.owner, "admin");
    const byAdmin = await call(changeRoleRoute, "PATCH", `/api/workspaces/${ws.slug}/members/${editor.userId}`, { token: ownerAdmin.secret, params, body: { role: "viewer" } });
    expect(byAdmin.status).toBe(200);
    expect(await role()).toBe("viewer");
  });

  it("answers 401 saying why for a revoked, expired, unknown or malformed token, and changes nothing", async () => {
    const ws = await makeWorkspace();
    const documentId = await makeDocument(ws.owner, ws.slug, "Untouched");
    const revoked = await tokenFor(ws.owner, "admin");
    await revokePersonalToken(ctxFor(ws.owner), { tokenId: revoked.id });
    const expired = await tokenFor(ws.owner, "admin");
    await testDb().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const patch = (authorization: string) => call(patchDocument, "PATCH", `/api/documents/${documentId}`, { authorization, params: { documentId }, body: { title: "Hacked" } });

    const cases: [string, RegExp][] = [
      [`Bearer ${revoked.secret}`, /revoked/],
      [`Bearer ${expired.secret}`, /expired/],
      [`Bearer swt_${"A".repeat(43)}`, /not valid/],
      ["Bearer not-a-token", /not valid/],
      ["Bearer", /Bearer swt_/],
    ];
    for (const [authorization, message] of cases) {
      const res = await patch(authorization);
      expect(res.status, authorization).toBe(401);
      expect(res.json?.error).toMatch(message);
    }
    const read = await call(getDocument, "GET", `/api/documents/${documentId}`, { token: expired.secret, params: { documentId } });
    expect(read.status).toBe(401);
    expect(await title(documentId)).toBe("Untouched");
    const used = await testDb().apiToken.findMany({ where: { id: { in: [revoked.id, expired.id] } } });
    expect(used.map((t) => t.lastUsedAt)).toEqual([null, null]);
  });

  it("keeps a workspace token in its workspace, and a personal token in its owner's", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const inB = await makeDocument(b.owner, b.slug, "B's secret");
    // A's owner is also an owner of B: A's workspace token still cannot reach B
    await testDb().membership.create({ data: { workspaceId: b.id, userId: a.owner.userId, role: "owner" } });
    const { secret: wsToken } = await createWorkspaceToken(ctxFor(a.owner), { slug: a.slug, name: "A's CI", scope: "admin", expiresInDays: 30 });
    const fromA = await call(getDocument, "GET", `/api/documents/${inB}`, { token: wsToken, params: { documentId: inB } });
    expect(fromA.status).toBe(404);
    expect(JSON.stringify(fromA.json)).not.toContain("B's secret");
    const listed = await call(listWorkspacesRoute, "GET", "/api/workspaces", { token: wsToken });
    expect((listed.json as unknown as { slug: string }[]).map((w) => w.slug)).toEqual([a.slug]);
    const created = await call(createWorkspaceRoute, "POST", "/api/workspaces", { token: wsToken, body: { name: "Escape" } });
    expect(created.status).toBe(403);

    // a stranger's personal token: B's document does not exist for them
    const stranger = await makeWorkspace();
    const { secret } = await tokenFor(stranger.owner, "admin");
    const res = await call(getDocument, "GET", `/api/documents/${inB}`, { token: secret, params: { documentId: inB } });
    expect(res.status).toBe(404);
  });

  it("leaves the person's account to the person: no tokens made, no sessions ended by a token", async () => {
    const ws = await makeWorkspace();
    const { secret } = await tokenFor(ws.owner, "admin");
    await testDb().userSession.create({ data: { userId: ws.owner.userId } });
    const mint = await call(createMyToken, "POST", "/api/me/tokens", { token: secret, body: { name: "Child", scope: "admin", expiresInDays: 366 } });
    expect(mint.status).toBe(403);
    expect((await call(listMyTokens, "GET", "/api/me/tokens", { token: secret })).status).toBe(403);
    const signOut = await call(signOutEverywhere, "DELETE", "/api/me/sessions", { token: secret });
    expect(signOut.status).toBe(403);
    expect(await testDb().userSession.count({ where: { userId: ws.owner.userId, revokedAt: null } })).toBe(1);
    expect(await testDb().apiToken.count({ where: { userId: ws.owner.userId } })).toBe(1);
  });

  it("notes the first use once in the activity log and keeps the last use on the token", async () => {
    const ws = await makeWorkspace();
    const documentId = await makeDocument(ws.owner, ws.slug);
    const { id, secret } = await tokenFor(ws.owner, "read");
    for (let i = 0; i < 3; i++) expect((await call(getDocument, "GET", `/api/documents/${documentId}`, { token: secret, params: { documentId } })).status).toBe(200);
    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.firstUsedAt).not.toBeNull();
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(row.firstUsedAt!.getTime());
    const firstUses = await testDb().activity.count({ where: { subjectId: id, kind: "apiToken.firstUsed" } });
    expect(firstUses).toBe(1);
  });
});

describe("the API token rate limit", () => {
  const configured = process.env.API_TOKEN_RATE_LIMIT;
  afterEach(() => {
    if (configured === undefined) delete process.env.API_TOKEN_RATE_LIMIT;
    else process.env.API_TOKEN_RATE_LIMIT = configured;
  });

  it("answers 429 with Retry-After past the token's limit, per token", async () => {
    process.env.API_TOKEN_RATE_LIMIT = "3";
    const ws = await makeWorkspace();
    const documentId = await makeDocument(ws.owner, ws.slug);
    const busy = await tokenFor(ws.owner, "read");
    const get = (secret: string) => call(getDocument, "GET", `/api/documents/${documentId}`, { token: secret, params: { documentId } });
    for (let i = 0; i < 3; i++) expect((await get(busy.secret)).status).toBe(200);
    const limited = await get(busy.secret);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json?.error).toMatch(/Too many/);
    const fresh = await tokenFor(ws.owner, "read");
    expect((await get(fresh.secret)).status).toBe(200);
  });
});
