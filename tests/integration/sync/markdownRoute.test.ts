import pino from "pino";
import { describe, expect, it } from "vitest";
import { PUT as putMarkdown } from "@/app/api/documents/[documentId]/markdown/route";
import { createPersonalToken } from "@/lib/apiTokens/createToken";
import type { TokenScope } from "@/lib/access/scopes";
import type { Actor } from "@/lib/context";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { call, makeDocument } from "../apiTokens/support";
import { ctxFor, makeWorkspace } from "../../support/db";

async function tokenFor(actor: Actor, scope: TokenScope): Promise<string> {
  return (await createPersonalToken(ctxFor(actor), { name: `${scope} token`, scope, expiresInDays: 30 })).secret;
}

async function setUp() {
  const ws = await makeWorkspace();
  const documentId = await makeDocument(ws.owner, ws.slug, "Pushed");
  const exported = async () => (await exportDocumentMarkdown(ctxFor(ws.owner), { documentId })).markdown;
  const base = await exported();
  // the built-in template's first paragraph: the "Problem" section's starter
  const line = "[The problem this change solves]";
  expect(base).toContain(line);
  return { ws, documentId, base, line, exported };
}

const put = (documentId: string, token: string, body: unknown) => call(putMarkdown, "PUT", `/api/documents/${documentId}/markdown`, { token, params: { documentId }, body });

describe("PUT /api/documents/:id/markdown", () => {
  it("applies a copy's edit with a write token and answers with the new version", async () => {
    const { ws, documentId, base, line, exported } = await setUp();
    const res = await put(documentId, await tokenFor(ws.owner, "write"), { base, markdown: base.replace(line, `${line} Edited.`) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ documentId, refused: false, conflicts: [], version: { kind: "named", label: "Updated from Markdown" } });
    expect(await exported()).toContain(`${line} Edited.`);
  });

  it("logs what it did with the id of the token the call came with", async () => {
    const { ws, documentId, base, line } = await setUp();
    const token = await createPersonalToken(ctxFor(ws.owner), { name: "logged", scope: "write", expiresInDays: 30 });
    const logs = globalThis as { specwrightLogger?: pino.Logger };
    const before = logs.specwrightLogger;
    const lines: Record<string, unknown>[] = [];
    logs.specwrightLogger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    try {
      expect((await put(documentId, token.secret, { base, markdown: base.replace(line, `${line} Logged.`) })).status).toBe(200);
    } finally {
      logs.specwrightLogger = before;
    }
    expect(lines.find((l) => l.msg === "markdown merged into the document")).toMatchObject({ tokenId: token.token.id, documentId });
  });

  it("answers 409 naming the sections changed on both sides, changing nothing", async () => {
    const { ws, documentId, base, line, exported } = await setUp();
    const token = await tokenFor(ws.owner, "write");
    expect((await put(documentId, token, { base, markdown: base.replace(line, `${line} Theirs.`) })).status).toBe(200);
    const now = await exported();
    const res = await put(documentId, token, { base, markdown: base.replace(line, `${line} Ours.`) });
    expect(res.status).toBe(409);
    expect(res.json?.error).toMatch(/^1 section was changed both here and in the document since the copy was taken: “.+”\. Nothing was changed\.$/);
    expect(res.json?.conflicts).toEqual([expect.objectContaining({ ours: expect.stringContaining("Ours."), theirs: expect.stringContaining("Theirs.") })]);
    expect(await exported()).toBe(now);
  });

  it("refuses a read token (403), an unknown token (401), bad JSON and bad fields (400), changing nothing", async () => {
    const { ws, documentId, base, line, exported } = await setUp();
    const markdown = base.replace(line, `${line} Refused.`);
    expect((await put(documentId, await tokenFor(ws.owner, "read"), { base, markdown })).status).toBe(403);
    expect((await put(documentId, "swt_unknown", { base, markdown })).status).toBe(401);
    const write = await tokenFor(ws.owner, "write");
    const badJson = await putMarkdown(new Request(`http://localhost/api/documents/${documentId}/markdown`, { method: "PUT", headers: { authorization: `Bearer ${write}` }, body: "{" }), { params: Promise.resolve({ documentId }) });
    expect(badJson.status).toBe(400);
    const missing = await put(documentId, write, { markdown });
    expect(missing.status).toBe(400);
    expect(Object.keys((missing.json?.fields ?? {}) as object)).toEqual(["base"]);
    expect((await put(documentId, write, { base, markdown, onConflict: "overwrite" })).status).toBe(400);
    expect((await put("nope", write, { base, markdown })).status).toBe(404);
    expect(await exported()).toBe(base);
  });
});
