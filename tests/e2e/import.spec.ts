import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { strFromU8, unzipSync } from "fflate";
import { signUpAs, signUpByApi, signUpInUi, uniqueEmail } from "./support";

const seedsDir = existsSync(path.resolve("../shared/seeds")) ? path.resolve("../shared/seeds") : "/work/shared/seeds";
const MOJIBAKE_SEED = path.join(seedsDir, "003_9d4da6775430f4ee.txt");

interface DocumentJson {
  title: string;
  sections: { key: string; title: string }[];
}

test("a Markdown file with mis-decoded emoji is imported, repaired after confirming, and opened", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpInUi(page, "Imogen", uniqueEmail("imogen"));
  const slug = new URL(page.url()).pathname.split("/")[2]!;

  await page.getByRole("link", { name: "Import Markdown" }).click();
  await expect(page.getByRole("heading", { name: "Import a document" })).toBeVisible();
  await page.getByLabel("Markdown file").setInputFiles(MOJIBAKE_SEED);
  await expect(page.getByLabel("Or paste Markdown")).toHaveValue(/^# Software Design Document \(SDD\)/);
  await page.getByLabel("Sections").selectOption({ label: "Onto the template “Software Design Document”" });
  await page.getByRole("button", { name: "Preview" }).click();

  const encoding = page.getByRole("region", { name: "Text encoding" });
  await expect(encoding.getByRole("heading", { name: "This text looks mis-decoded" })).toBeVisible();
  await expect(encoding).toContainText("Mac Roman");
  await expect(encoding.locator("dd").first()).toContainText("‚ö°");
  await expect(encoding.locator("dd").nth(1)).toContainText("⚡");
  const outline = page.getByRole("list", { name: "Detected sections" });
  await expect(outline).toContainText("üìã Document Control");

  await encoding.getByRole("button", { name: "Repair" }).click();
  await expect(encoding).toContainText("Repaired: text that had been decoded as Mac Roman");
  await expect(outline).toContainText("📋 Document Control");
  await expect(outline).not.toContainText("üìã");
  await expect(outline.getByText("📋 Document Control")).toBeVisible();

  await page.getByRole("button", { name: "Create document" }).click();
  await page.waitForURL(/\/d\/[a-z0-9]+$/);
  const documentId = new URL(page.url()).pathname.split("/").pop()!;

  // the server holds the repaired text
  const stored = (await (await page.request.get(`/api/documents/${documentId}`)).json()) as DocumentJson;
  expect(stored.title).toBe("Software Design Document (SDD)");
  expect(stored.sections.find((s) => s.key === "document_control")?.title).toBe("📋 Document Control");
  expect(JSON.stringify(stored)).not.toContain("üìã");

  await expect(page.getByRole("navigation", { name: "Outline" }).getByRole("link", { name: /📋 Document Control/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "📋 Document Control" }).first()).toBeVisible();
  await expect(page.getByText("üìã")).toHaveCount(0);

  // the documents list offers the whole workspace as a zip
  await page.goto(`/w/${slug}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all (zip)" }).click()]);
  const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const manifest = JSON.parse(strFromU8(zip["manifest.json"]!)) as { documents: { id: string; file: string }[] };
  expect(manifest.documents.map((d) => d.id)).toEqual([documentId]);
  const exported = await (await page.request.get(`/api/documents/${documentId}/export.md`)).text();
  expect(strFromU8(zip[manifest.documents[0]!.file]!)).toBe(exported);
});

test("an admin imports a Markdown file as a template from the gallery", async ({ page }) => {
  const slug = await signUpAs(page, "Tamsin", uniqueEmail("tamsin"));
  await page.goto(`/w/${slug}/templates`);
  await page.getByRole("link", { name: "Import as template" }).click();
  await page.getByLabel("Or paste Markdown").fill("# {feature} review\n\n## Summary\n\n[One-line description]\n\n## Risks\n\nTBD\n");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("list", { name: "Detected sections" })).toContainText("Fill in: One-line description");
  await page.getByRole("button", { name: "Create template" }).click();
  await page.waitForURL(/\/templates\/[a-z0-9]+\/edit$/);
  await page.goto(`/w/${slug}/templates`);
  await expect(page.getByRole("heading", { name: "{feature} review" })).toBeVisible();
});

test.describe("the import API", () => {
  test("answers 413 past 2 MB and 400 for malformed input, and writes nothing", async ({ request }) => {
    const { workspace } = await signUpByApi(request, "Ivo");
    const url = `/api/workspaces/${workspace.slug}/import`;
    const head = "# Big\n\n";
    // one byte over the limit
    const big = `${head}${"x".repeat(2 * 1024 * 1024 - head.length)}\n`;

    const raw = await request.post(url, { headers: { "content-type": "text/markdown" }, data: big });
    expect(raw.status()).toBe(413);
    expect((await raw.json()).error).toMatch(/larger than 2 MB/);
    const json = await request.post(url, { data: { markdown: big } });
    expect(json.status()).toBe(413);
    expect((await json.json()).error).toMatch(/up to 2 MB/);

    const broken = await request.post(url, { headers: { "content-type": "application/json" }, data: "{not json" });
    expect([broken.status(), (await broken.json()).error]).toEqual([400, "Request body is not valid JSON."]);
    // front matter that is not YAML is no refusal: the preview warns that it is kept as written
    const yaml = await request.post(url, { data: { markdown: "---\ntitle: [unclosed\n---\n# T\n", dryRun: true } });
    expect(yaml.status()).toBe(200);
    expect((await yaml.json()).warnings[0]).toMatch(/front matter is not valid YAML/);
    const wrongType = await request.post(url, { data: { markdown: 42 } });
    expect(wrongType.status()).toBe(400);
    const notUtf8 = await request.post(url, { headers: { "content-type": "text/markdown" }, data: Buffer.from([0x23, 0x20, 0xff]) });
    expect(notUtf8.status()).toBe(400);

    const list = await (await request.get(`/api/workspaces/${workspace.slug}/documents`)).json();
    expect(list.total).toBe(0);

    const ok = await request.post(`${url}?fileName=notes.md`, { headers: { "content-type": "text/markdown" }, data: "## Goals\n\n- [ ] ship\n" });
    expect(ok.status()).toBe(201);
    expect((await ok.json()).document.title).toBe("notes");
  });
});
