import { describe, expect, it } from "vitest";
import { PATCH as patchDocument } from "@/app/api/documents/[documentId]/route";
import { GET as activityRoute } from "@/app/api/workspaces/[slug]/activity/route";
import { createPersonalToken, createWorkspaceToken } from "@/lib/apiTokens/createToken";
import { listWorkspaceActivity, PAGE_SIZE } from "@/lib/activityLog/listWorkspaceActivity";
import { updateDocument } from "@/lib/documents/documents";
import { Forbidden, NotFound } from "@/lib/errors";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { call, makeDocument } from "../apiTokens/support";

/** A workspace with an editor, a document, a workspace token "deploy-bot" and the owner's personal token, each of which renamed the document once; the owner renamed it too, signed in. */
async function workspaceWithTokenUse() {
  const ws = await makeWorkspace(["editor"]);
  const documentId = await makeDocument(ws.owner, ws.slug, "Plan");
  const bot = await createWorkspaceToken(ctxFor(ws.owner), { slug: ws.slug, name: "deploy-bot", scope: "write", expiresInDays: 30 });
  const mine = await createPersonalToken(ctxFor(ws.owner), { name: "laptop", scope: "write", expiresInDays: 30 });
  const rename = (secret: string, title: string) => call(patchDocument, "PATCH", `/api/documents/${documentId}`, { token: secret, params: { documentId }, body: { title } });
  expect((await rename(bot.secret, "Plan by the bot")).status).toBe(200);
  expect((await rename(mine.secret, "Plan from a laptop")).status).toBe(200);
  await updateDocument(ctxFor(ws.owner), { documentId, title: "Plan, signed in" });
  return { ws, documentId, bot: bot.token, mine: mine.token };
}

describe("the workspace's activity log", () => {
  it("names the token each entry was made through, personal or the workspace's", async () => {
    const { ws, documentId, bot, mine } = await workspaceWithTokenUse();
    const page = await listWorkspaceActivity(ctxFor(ws.owner), { slug: ws.slug });
    const renamed = page.entries.filter((e) => e.kind === "document.updated");
    expect(renamed.map((e) => [e.text, e.via])).toEqual([
      ["renamed it “Plan, signed in”", null],
      ["renamed it “Plan from a laptop”", { id: mine.id, name: "laptop", personal: true }],
      ["renamed it “Plan by the bot”", { id: bot.id, name: "deploy-bot", personal: false }],
    ]);
    expect(renamed.every((e) => e.document?.id === documentId && e.document.title === "Plan, signed in")).toBe(true);
    expect(renamed.every((e) => e.actor === "Owner")).toBe(true);
    expect(page.entries.find((e) => e.kind === "apiToken.created")).toMatchObject({ text: "created the API token “deploy-bot” (write)", via: { id: bot.id, name: "deploy-bot" } });
    expect(page.tokens).toEqual([{ id: bot.id, name: "deploy-bot", personal: false }]);
    expect(page.next).toBeNull();
  });

  it("keeps only one token's entries when filtered to it", async () => {
    const { ws, bot } = await workspaceWithTokenUse();
    const page = await listWorkspaceActivity(ctxFor(ws.owner), { slug: ws.slug, token: bot.id });
    expect(page.token).toEqual({ id: bot.id, name: "deploy-bot", personal: false });
    expect(page.entries.map((e) => e.kind).sort()).toEqual(["apiToken.created", "apiToken.firstUsed", "document.updated"]);
    expect(page.entries.every((e) => e.via?.id === bot.id)).toBe(true);
  });

  it("pages through a long log newest first, every entry once", async () => {
    const { ws, bot } = await workspaceWithTokenUse();
    const start = Date.now() - 3_600_000;
    // more than two pages of the bot's entries, some sharing a timestamp (the page cut must not drop or repeat one)
    await testDb().activity.createMany({
      data: Array.from({ length: PAGE_SIZE * 2 + 7 }, (_, i) => ({ workspaceId: ws.id, actorId: ws.owner.userId, kind: "document.metadata_changed", data: { viaToken: bot.id }, createdAt: new Date(start + Math.floor(i / 3) * 1000) })),
    });
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await listWorkspaceActivity(ctxFor(ws.owner), { slug: ws.slug, token: bot.id, before });
      expect(page.entries.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...page.entries.map((e) => e.id));
      before = page.next ?? undefined;
      pages++;
    } while (before && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(PAGE_SIZE * 2 + 7 + 3);
    const all = await testDb().activity.findMany({ where: { id: { in: seen } }, select: { id: true, createdAt: true } });
    const at = new Map(all.map((a) => [a.id, a.createdAt.getTime()]));
    expect(seen.map((id) => at.get(id)!)).toEqual([...seen.map((id) => at.get(id)!)].sort((a, b) => b - a));
  });

  it("is for admins: an editor is refused, an outsider finds no workspace", async () => {
    const { ws } = await workspaceWithTokenUse();
    await expect(listWorkspaceActivity(ctxFor(ws.members.editor[0]!), { slug: ws.slug })).rejects.toBeInstanceOf(Forbidden);
    const outsider = await makeWorkspace();
    await expect(listWorkspaceActivity(ctxFor(outsider.owner), { slug: ws.slug })).rejects.toBeInstanceOf(NotFound);
  });

  it("answers over GET /api/workspaces/:slug/activity: 403 for an editor's token, 400 for a malformed page, the page for an admin's", async () => {
    const { ws, bot } = await workspaceWithTokenUse();
    const editor = await createPersonalToken(ctxFor(ws.members.editor[0]!), { name: "editor", scope: "admin", expiresInDays: 30 });
    const owner = await createPersonalToken(ctxFor(ws.owner), { name: "reader", scope: "read", expiresInDays: 30 });
    const path = `/api/workspaces/${ws.slug}/activity`;
    expect((await call(activityRoute, "GET", path, { token: editor.secret, params: { slug: ws.slug } })).status).toBe(403);
    expect((await call(activityRoute, "GET", `${path}?before=yesterday`, { token: owner.secret, params: { slug: ws.slug } })).status).toBe(400);
    const res = await call(activityRoute, "GET", `${path}?token=${bot.id}`, { token: owner.secret, params: { slug: ws.slug } });
    expect(res.status).toBe(200);
    expect(res.json?.token).toEqual({ id: bot.id, name: "deploy-bot", personal: false });
  });
});
