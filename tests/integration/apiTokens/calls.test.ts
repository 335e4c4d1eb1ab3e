import { describe, expect, it } from "vitest";
import { createPersonalToken } from "@/lib/apiTokens/createToken";
import { listPersonalTokens } from "@/lib/apiTokens/listTokens";
import { revokePersonalToken } from "@/lib/apiTokens/revokeToken";
import { CALLS_KEPT, CALLS_SHOWN, recordTokenCall } from "@/lib/apiTokens/tokenCalls";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

async function personWithToken() {
  const ws = await makeWorkspace([]);
  const ctx = ctxFor(ws.owner);
  const { token, secret } = await createPersonalToken(ctx, { name: "Script", scope: "read", expiresInDays: 30 });
  return { ctx, token, secret };
}

const answered = (secret: string, status: number, route = "/api/workspaces/:slug/documents") => ({ authorization: `Bearer ${secret}`, method: "GET", route, status, requestId: `req-${status}` });

describe("a token's calls", () => {
  it("are listed with their route and answer, newest first, refused ones included", async () => {
    const { ctx, token, secret } = await personWithToken();
    expect(await recordTokenCall(testDb(), answered(secret, 200))).toBe(true);
    expect(await recordTokenCall(testDb(), answered(secret, 403, "/api/me/tokens"))).toBe(true);
    await revokePersonalToken(ctx, { tokenId: token.id });
    // a revoked token still knocking is worth knowing about
    expect(await recordTokenCall(testDb(), answered(secret, 401))).toBe(true);

    const [listed] = await listPersonalTokens(ctx);
    expect(listed!.calls.map((c) => [c.method, c.route, c.status])).toEqual([
      ["GET", "/api/workspaces/:slug/documents", 401],
      ["GET", "/api/me/tokens", 403],
      ["GET", "/api/workspaces/:slug/documents", 200],
    ]);
  });

  it("are not recorded for a header naming no token of ours", async () => {
    const { ctx } = await personWithToken();
    const before = await testDb().apiTokenCall.count();
    expect(await recordTokenCall(testDb(), answered("swt_notAtokenOfOursAtAll_notAtokenOfOursAtAll1", 401))).toBe(false);
    expect(await recordTokenCall(testDb(), { ...answered("x", 401), authorization: "Basic c3RhZ2luZzpzZWNyZXQ=" })).toBe(false);
    expect(await testDb().apiTokenCall.count()).toBe(before);
    expect((await listPersonalTokens(ctx))[0]!.calls).toEqual([]);
  });

  it("keep the latest ones only, and show a few", async () => {
    const { ctx, token, secret } = await personWithToken();
    const old = Date.now() - 3_600_000;
    await testDb().apiTokenCall.createMany({ data: Array.from({ length: CALLS_KEPT }, (_, i) => ({ tokenId: token.id, at: new Date(old + i * 1000), method: "GET", route: "/api/workspaces", status: 200, requestId: `old-${i}` })) });
    await recordTokenCall(testDb(), answered(secret, 200));
    const kept = await testDb().apiTokenCall.findMany({ where: { tokenId: token.id }, orderBy: { at: "asc" } });
    expect(kept).toHaveLength(CALLS_KEPT);
    // the oldest went, the newest came
    expect(kept[0]!.requestId).toBe("old-1");
    expect(kept.at(-1)!.requestId).toBe("req-200");
    const [listed] = await listPersonalTokens(ctx);
    expect(listed!.calls).toHaveLength(CALLS_SHOWN);
    expect(listed!.calls[0]!.route).toBe("/api/workspaces/:slug/documents");
  });
});
