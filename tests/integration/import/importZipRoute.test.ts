import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/workspaces/[slug]/import.zip/route";
import { createPersonalToken } from "@/lib/apiTokens/createToken";
import { getDocument } from "@/lib/documents/documents";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

async function setUp() {
  const ws = await makeWorkspace(["viewer"]);
  const token = (await createPersonalToken(ctxFor(ws.owner), { name: "import", scope: "write", expiresInDays: 30 })).secret;
  const count = () => testDb().document.count({ where: { workspaceId: ws.id } });
  return { ws, token, count };
}

/** POST …/import.zip as the CLI sends it: the files as one zip in `file`, the options as text fields beside it. */
async function postZip(slug: string, token: string, files: Record<string, string>, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", new Blob([zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])))], { type: "application/zip" }), "files.zip");
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const req = new Request(`http://localhost/api/workspaces/${slug}/import.zip`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const res = await POST(req, { params: Promise.resolve({ slug }) });
  return { status: res.status, json: (await res.json()) as { documents?: { id: string; file: string; title: string; template: string; warnings: string[]; mojibake: { encoding: string } | null }[]; error?: string; fields?: Record<string, string[]> } };
}

const FILES = {
  "a.md": "# Ledger\n\n## Problem\n\nBalances drift.\n",
  "b.md": "# Payouts\n\n## Problem\n\nPayouts are late.\n",
};

describe("POST /api/workspaces/:slug/import.zip with options", () => {
  it("imports every file onto the template named by key, all in one go", { timeout: 60_000 }, async () => {
    const { ws, token, count } = await setUp();
    const res = await postZip(ws.slug, token, FILES, { template: "software-design-document" });
    expect(res.status).toBe(201);
    expect(res.json.documents!.map((d) => [d.file, d.title, d.template])).toEqual([
      ["a.md", "Ledger", "software-design-document"],
      ["b.md", "Payouts", "software-design-document"],
    ]);
    expect(await count()).toBe(2);
    const doc = await getDocument(ctxFor(ws.owner), { documentId: res.json.documents![0]!.id });
    expect(doc.template.key).toBe("software-design-document");
    expect(JSON.stringify(doc.sections.find((s) => s.title === "Problem")?.body)).toContain("Balances drift.");
  });

  it("with template auto, maps each file onto the template its front matter names, and others as is", { timeout: 60_000 }, async () => {
    const { ws, token } = await setUp();
    const res = await postZip(ws.slug, token, { ...FILES, "a.md": `---\ntemplate: software-design-document\n---\n\n${FILES["a.md"]}` }, { template: "auto" });
    expect(res.status).toBe(201);
    expect(res.json.documents!.map((d) => d.template)).toEqual(["software-design-document", expect.stringMatching(/^imported-/)]);
  });

  it("repairs mis-decoded UTF-8 in every file when asked, and only warns without", { timeout: 60_000 }, async () => {
    const { ws, token } = await setUp();
    const files = { "c.md": "# CafÃ© menu\n\n## Problem\n\nThe menu says cafÃ© and naÃ¯ve.\n" };
    const repaired = await postZip(ws.slug, token, files, { repairMojibake: "true" });
    expect(repaired.status).toBe(201);
    expect(repaired.json.documents![0]!.title).toBe("Café menu");
    const kept = await postZip(ws.slug, token, files);
    expect(kept.json.documents![0]!.title).toBe("CafÃ© menu");
    expect(kept.json.documents![0]!.mojibake).toMatchObject({ encoding: expect.any(String) });
    expect(repaired.json.documents![0]!.mojibake).toBeNull();
  });

  it("refuses a template the workspace lacks, a bad repairMojibake and an unknown field with 400, importing nothing", { timeout: 60_000 }, async () => {
    const { ws, token, count } = await setUp();
    const missing = await postZip(ws.slug, token, FILES, { template: "no-such-template" });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error: expect.stringMatching(/^No template "no-such-template" in workspace .*Nothing was imported\.$/), fields: { template: [expect.stringContaining("no-such-template")] } });
    const bad = await postZip(ws.slug, token, FILES, { repairMojibake: "yes" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.fields ?? {})).toEqual(["repairMojibake"]);
    expect((await postZip(ws.slug, token, FILES, { templte: "software-design-document" })).status).toBe(400);
    expect((await postZip(ws.slug, token, FILES, { template: "" })).status).toBe(400);
    expect(await count()).toBe(0);
  });

  it("refuses a viewer before reading the upload", async () => {
    const { ws, count } = await setUp();
    const viewerToken = (await createPersonalToken(ctxFor(ws.members.viewer[0]!), { name: "viewer", scope: "write", expiresInDays: 30 })).secret;
    expect((await postZip(ws.slug, viewerToken, FILES, { template: "software-design-document" })).status).toBe(403);
    expect(await count()).toBe(0);
  });
});
