import { afterEach, describe, expect, it } from "vitest";
import { GET as getDocument, PATCH as patchDocument } from "@/app/api/documents/[documentId]/route";
import { GET as listWebhooksRoute } from "@/app/api/workspaces/[slug]/webhooks/route";
import { GET as listGitSyncRoute } from "@/app/api/workspaces/[slug]/git-sync/route";
import { createPersonalToken, createWorkspaceToken } from "@/lib/apiTokens/createToken";
import { listPersonalTokens, listWorkspaceTokens } from "@/lib/apiTokens/listTokens";
import { createDocument } from "@/lib/documents/createDocument";
import { listTemplates } from "@/lib/templates/templates";
import { deliverPendingWebhooks } from "@/lib/webhooks/deliver";
import { createWebhook, listWebhooks } from "@/lib/webhooks/manage";
import { verifySignature } from "@/lib/webhooks/sign";
import { changeRole, removeMember } from "@/lib/workspaces/manageMembers";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { startReceiver } from "../../support/webhookReceiver";
import { call, makeDocument } from "./support";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A workspace with an admin who made an admin-scoped workspace token, and a document. */
async function adminWithToken() {
  const ws = await makeWorkspace(["admin"]);
  const admin = ws.members.admin[0]!;
  const { token, secret } = await createWorkspaceToken(ctxFor(admin), { slug: ws.slug, name: "CI", scope: "admin", expiresInDays: 30 });
  const documentId = await makeDocument(ws.owner, ws.slug, "Ledger");
  return { ws, admin, token, secret, documentId };
}

describe("a workspace token answers to its maker's current role", () => {
  it("runs the workspace while its maker is an admin, and only edits once they are demoted to editor", async () => {
    const { ws, admin, secret, documentId } = await adminWithToken();
    expect((await call(listGitSyncRoute, "GET", `/api/workspaces/${ws.slug}/git-sync`, { token: secret, params: { slug: ws.slug } })).status).toBe(200);
    expect((await call(listWebhooksRoute, "GET", `/api/workspaces/${ws.slug}/webhooks`, { token: secret, params: { slug: ws.slug } })).status).toBe(200);

    await changeRole(ctxFor(ws.owner), { slug: ws.slug, userId: admin.userId, role: "editor" });
    expect((await call(listGitSyncRoute, "GET", `/api/workspaces/${ws.slug}/git-sync`, { token: secret, params: { slug: ws.slug } })).status).toBe(403);
    expect((await call(listWebhooksRoute, "GET", `/api/workspaces/${ws.slug}/webhooks`, { token: secret, params: { slug: ws.slug } })).status).toBe(403);
    const edit = await call(patchDocument, "PATCH", `/api/documents/${documentId}`, { token: secret, params: { documentId }, body: { title: "Ledger, edited by CI" } });
    expect(edit.status).toBe(200);

    // demoted to viewer: it reads, and writes nothing
    await changeRole(ctxFor(ws.owner), { slug: ws.slug, userId: admin.userId, role: "viewer" });
    expect((await call(getDocument, "GET", `/api/documents/${documentId}`, { token: secret, params: { documentId } })).status).toBe(200);
    const refused = await call(patchDocument, "PATCH", `/api/documents/${documentId}`, { token: secret, params: { documentId }, body: { title: "Not allowed" } });
    expect(refused.status).toBe(403);
    expect((await testDb().document.findUniqueOrThrow({ where: { id: documentId } })).title).toBe("Ledger, edited by CI");

    const [listed] = await listWorkspaceTokens(ctxFor(ws.owner), { slug: ws.slug });
    expect(listed).toMatchObject({ name: "CI", scope: "admin", status: "active", makerRole: "viewer" });
  });

  it("does nothing at all once its maker has left the workspace: 401 saying why, and nothing changes", async () => {
    const { ws, admin, secret, documentId } = await adminWithToken();
    await removeMember(ctxFor(ws.owner), { slug: ws.slug, userId: admin.userId });
    const read = await call(getDocument, "GET", `/api/documents/${documentId}`, { token: secret, params: { documentId } });
    expect(read.status).toBe(401);
    expect(read.json?.error).toMatch(/no longer a member/);
    const write = await call(patchDocument, "PATCH", `/api/documents/${documentId}`, { token: secret, params: { documentId }, body: { title: "Taken over" } });
    expect(write.status).toBe(401);
    expect((await testDb().document.findUniqueOrThrow({ where: { id: documentId } })).title).toBe("Ledger");
    const [listed] = await listWorkspaceTokens(ctxFor(ws.owner), { slug: ws.slug });
    expect(listed).toMatchObject({ name: "CI", status: "active", makerRole: null });
  });
});

describe("webhook endpoints are the workspace's, not their maker's", () => {
  it("keeps delivering, signed as before, after the admin who registered the endpoint has left", async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.stop());
    const ws = await makeWorkspace(["admin"]);
    const admin = ws.members.admin[0]!;
    const hook = await createWebhook(ctxFor(admin), { slug: ws.slug, url: receiver.url, events: ["document.created"], slack: false });
    cleanups.push(() => testDb().webhook.deleteMany({ where: { id: hook.id } }));
    expect((await listWebhooks(ctxFor(ws.owner), { slug: ws.slug }))[0]!.createdBy).toEqual({ name: admin.name, member: true });
    await removeMember(ctxFor(ws.owner), { slug: ws.slug, userId: admin.userId });

    const owner = ctxFor(ws.owner);
    const template = (await listTemplates(owner, { slug: ws.slug }))[0]!;
    await createDocument(owner, { slug: ws.slug, templateId: template.id, title: "After the admin left" });
    await deliverPendingWebhooks(testDb(), { baseUrl: "https://specwright.example", allowPrivate: true });
    expect(receiver.received.map((r) => JSON.parse(r.body).document.title)).toEqual(["After the admin left"]);
    expect(verifySignature(hook.secret, String(receiver.received[0]!.headers["specwright-signature"]), receiver.received[0]!.body)).toBe(true);
    // the workspace's remaining admins still see and manage it, told that its creator has left
    expect((await listWebhooks(owner, { slug: ws.slug })).map((h) => [h.id, h.createdBy])).toEqual([[hook.id, { name: admin.name, member: false }]]);
  });
});

describe("what a token was used for, beside it in the list", () => {
  it("shows each token's latest entries of the activity log: its creation, first use and the changes made through it, and only its own", async () => {
    const { ws, token, secret, documentId } = await adminWithToken();
    const { secret: otherSecret } = await createWorkspaceToken(ctxFor(ws.owner), { slug: ws.slug, name: "Other CI", scope: "write", expiresInDays: 30 });
    expect((await call(patchDocument, "PATCH", `/api/documents/${documentId}`, { token: secret, params: { documentId }, body: { title: "Renamed by CI" } })).status).toBe(200);
    expect((await call(getDocument, "GET", `/api/documents/${documentId}`, { token: otherSecret, params: { documentId } })).status).toBe(200);

    const tokens = await listWorkspaceTokens(ctxFor(ws.owner), { slug: ws.slug });
    const ci = tokens.find((t) => t.id === token.id)!;
    expect(ci.lastUsedAt).not.toBeNull();
    expect(ci.recent.map((a) => a.kind)).toEqual(["document.updated", "apiToken.firstUsed", "apiToken.created"]);
    expect(ci.recent[0]).toMatchObject({ subjectId: documentId });
    const other = tokens.find((t) => t.name === "Other CI")!;
    expect(other.recent.map((a) => a.kind)).toEqual(["apiToken.firstUsed", "apiToken.created"]);
    // a member who may not manage tokens sees none of it
    const editor = await makeWorkspace(["editor"]);
    await expect(listWorkspaceTokens(ctxFor(editor.members.editor[0]!), { slug: editor.slug })).rejects.toThrow();
  });

  it("keeps at most five entries per token, newest first, for personal tokens too", async () => {
    const ws = await makeWorkspace();
    const documentId = await makeDocument(ws.owner, ws.slug, "Ledger");
    const { token, secret } = await createPersonalToken(ctxFor(ws.owner), { name: "Laptop", scope: "write", expiresInDays: 30 });
    for (let i = 1; i <= 6; i++) {
      expect((await call(patchDocument, "PATCH", `/api/documents/${documentId}`, { token: secret, params: { documentId }, body: { title: `Ledger ${i}` } })).status).toBe(200);
    }
    const [listed] = await listPersonalTokens(ctxFor(ws.owner));
    expect(listed!.id).toBe(token.id);
    expect(listed!.recent).toHaveLength(5);
    expect(listed!.recent.every((a) => a.kind === "document.updated")).toBe(true);
    const times = listed!.recent.map((a) => a.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
