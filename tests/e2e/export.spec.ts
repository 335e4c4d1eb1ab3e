import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { signUpAs, signUpByApi, uniqueEmail } from "./support";

test("the author downloads the document as Markdown and as PDF from the Export menu", async ({ page }) => {
  test.setTimeout(180_000);
  const slug = await signUpAs(page, "Petra", uniqueEmail("petra"));
  await page.goto(`/w/${slug}/templates`);
  await page.getByRole("button", { name: "Create document from Software Design Document" }).click();
  await page.getByRole("form", { name: "New document from Software Design Document" }).getByRole("button", { name: "Create", exact: true }).click();
  await page.waitForURL(/\/d\/[a-z0-9]+$/);
  const documentId = new URL(page.url()).pathname.split("/").at(-1)!;

  const exportButton = page.getByRole("button", { name: "Export" });
  await exportButton.click();
  const [markdownDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Markdown (.md)" }).click()]);
  expect(markdownDownload.suggestedFilename()).toBe("software-design-document-sdd.md");
  const markdown = await readFile((await markdownDownload.path())!, "utf8");
  expect(markdown.startsWith("---\ntitle: Software Design Document (SDD)\n")).toBe(true);
  expect(markdown).toContain("\n---\n\n# Software Design Document (SDD)\n");

  await exportButton.click();
  const downloading = page.waitForEvent("download", { timeout: 120_000 });
  await page.getByRole("menuitem", { name: "PDF, A4" }).click();
  // the first PDF of a process starts the browser, so the progress is on screen for a while
  await expect(page.getByRole("status").filter({ hasText: "Rendering PDF (A4)" })).toBeVisible();
  const pdfDownload = await downloading;
  expect(pdfDownload.suggestedFilename()).toBe("software-design-document-sdd.pdf");
  const pdf = await readFile((await pdfDownload.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expect(page.getByRole("status").filter({ hasText: "Rendering PDF" })).toHaveCount(0);

  await exportButton.click();
  const [letterDownload] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("menuitem", { name: "PDF, US Letter" }).click()]);
  const letter = await readFile((await letterDownload.path())!);
  expect(letter.toString("latin1")).toMatch(/\/MediaBox \[0 0 612 792\]/);

  // the API answers a bad paper size with a clear 400
  const bad = await page.request.get(`/api/documents/${documentId}/export.pdf?format=A3`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { fields: Record<string, string[]> }).fields.format).toEqual(["must be one of A4, Letter"]);
});

test("downloads are for members only: 401 without a session, 404 from another workspace", async ({ browser, playwright, baseURL }) => {
  const owner = await (await browser.newContext()).newPage();
  const slug = await signUpAs(owner, "Ines", uniqueEmail("ines"));
  const templates = (await (await owner.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string }[];
  const { id } = (await (await owner.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: templates[0]!.id } })).json()) as { id: string };
  const paths = [`/api/documents/${id}/export.md`, `/api/documents/${id}/export.pdf`, `/api/workspaces/${slug}/export.zip`];

  const anonymous = await playwright.request.newContext({ baseURL });
  for (const path of paths) expect((await anonymous.get(path)).status(), path).toBe(401);
  const outsider = await playwright.request.newContext({ baseURL });
  await signUpByApi(outsider, "Olaf");
  for (const path of paths) expect((await outsider.get(path)).status(), path).toBe(404);
  expect((await owner.request.get(paths[2]!)).headers()["content-type"]).toBe("application/zip");
});
