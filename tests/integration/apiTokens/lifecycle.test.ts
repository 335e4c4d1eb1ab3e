import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createPersonalToken, createWorkspaceToken } from "@/lib/apiTokens/createToken";
import { listPersonalTokens, listWorkspaceTokens } from "@/lib/apiTokens/listTokens";
import { revokePersonalToken, revokeWorkspaceToken } from "@/lib/apiTokens/revokeToken";
import { Forbidden, NotFound } from "@/lib/errors";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

describe("API token lifecycle", () => {
  it("shows the secret once and stores only its SHA-256, with a recognisable prefix", async () => {
    const ws = await makeWorkspace();
    const { token, secret } = await createPersonalToken(ctxFor(ws.owner), { name: "CI", scope: "read", expiresInDays: 30 });
    expect(secret).toMatch(/^swt_[A-Za-z0-9_-]{43}$/);
    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    expect(row.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(token.prefix).toBe(secret.slice(0, 12));
    const listed = await listPersonalTokens(ctxFor(ws.owner));
    expect(listed.map((t) => [t.name, t.scope, t.status])).toEqual([["CI", "read", "active"]]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const days = (Date.parse(token.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it("logs creation and revocation once, and lists a revoked token as revoked", async () => {
    const ws = await makeWorkspace();
    const ctx = ctxFor(ws.owner);
    const { token } = await createPersonalToken(ctx, { name: "Script", scope: "write", expiresInDays: 7 });
    const revoked = await revokePersonalToken(ctx, { tokenId: token.id });
    expect(revoked.status).toBe("revoked");
    await revokePersonalToken(ctx, { tokenId: token.id });
    const kinds = (await testDb().activity.findMany({ where: { subjectId: token.id }, orderBy: { createdAt: "asc" } })).map((a) => [a.kind, a.workspaceId, a.actorId]);
    expect(kinds).toEqual([
      ["apiToken.created", null, ws.owner.userId],
      ["apiToken.revoked", null, ws.owner.userId],
    ]);
    expect((await listPersonalTokens(ctx))[0]!.status).toBe("revoked");
  });

  it("keeps one person's tokens from another", async () => {
    const ws = await makeWorkspace(["editor"]);
    const { token } = await createPersonalToken(ctxFor(ws.owner), { name: "Mine", scope: "read", expiresInDays: 7 });
    const editor = ctxFor(ws.members.editor[0]!);
    await expect(revokePersonalToken(editor, { tokenId: token.id })).rejects.toBeInstanceOf(NotFound);
    expect(await listPersonalTokens(editor)).toEqual([]);
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
  });

  it("lets the workspace's admins make, see and revoke its tokens, and nobody else", async () => {
    const ws = await makeWorkspace(["admin", "editor"]);
    const other = await makeWorkspace();
    const admin = ctxFor(ws.members.admin[0]!);
    const { token } = await createWorkspaceToken(admin, { slug: ws.slug, name: "Docs CI", scope: "write", expiresInDays: 90 });
    expect((await listWorkspaceTokens(ctxFor(ws.owner), { slug: ws.slug })).map((t) => [t.name, t.createdBy])).toEqual([["Docs CI", "admin"]]);
    await expect(createWorkspaceToken(ctxFor(ws.members.editor[0]!), { slug: ws.slug, name: "Nope", scope: "read", expiresInDays: 7 })).rejects.toBeInstanceOf(Forbidden);
    await expect(listWorkspaceTokens(ctxFor(ws.members.editor[0]!), { slug: ws.slug })).rejects.toBeInstanceOf(Forbidden);
    await expect(revokeWorkspaceToken(ctxFor(other.owner), { slug: ws.slug, tokenId: token.id })).rejects.toBeInstanceOf(NotFound);
    await expect(revokeWorkspaceToken(ctxFor(other.owner), { slug: other.slug, tokenId: token.id })).rejects.toBeInstanceOf(NotFound);
    const revoked = await revokeWorkspaceToken(ctxFor(ws.owner), { slug: ws.slug, tokenId: token.id });
    expect(revoked.status).toBe("revoked");
    const logged = await testDb().activity.findMany({ where: { subjectId: token.id }, orderBy: { createdAt: "asc" } });
    expect(logged.map((a) => [a.kind, a.workspaceId])).toEqual([
      ["apiToken.created", ws.id],
      ["apiToken.revoked", ws.id],
    ]);
  });

  it.each([
    [{ name: "", scope: "read", expiresInDays: 7 }, "name"],
    [{ name: "x".repeat(81), scope: "read", expiresInDays: 7 }, "name"],
    [{ name: "CI", scope: "root", expiresInDays: 7 }, "scope"],
    [{ name: "CI", scope: "read", expiresInDays: 0 }, "expiresInDays"],
    [{ name: "CI", scope: "read", expiresInDays: 400 }, "expiresInDays"],
    [{ name: "CI", scope: "read", expiresInDays: 1.5 }, "expiresInDays"],
  ])("refuses %j and stores nothing", async (input, field) => {
    const ws = await makeWorkspace();
    const error = await createPersonalToken(ctxFor(ws.owner), input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path.join("."))).toContain(field);
    expect(await testDb().apiToken.count({ where: { userId: ws.owner.userId } })).toBe(0);
  });
});
