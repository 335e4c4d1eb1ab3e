import { expect, test } from "./fixtures";
import { signUpByApi, signUpInUi, uniqueEmail } from "./support";

const ADR = [
  "---",
  "status: {proposed | rejected | accepted | superseded by [ADR-0005](0005-example.md)}",
  "date: 2020-01-01",
  "---",
  "",
  "Technical story: the ledger blocks.",
  "",
  "# Use Markdown ADRs",
  "",
  "## Context",
  "",
  "See [the decision](#decision).",
  "",
  "## Decision",
  "",
  "Markdown.",
  "",
].join("\n");

test("front matter that is not YAML is imported with a warning, shown as metadata, edited as YAML and exported", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpInUi(page, "Meta", uniqueEmail("meta"));
  await page.getByRole("link", { name: "Import Markdown" }).click();
  await page.getByLabel("Or paste Markdown").fill(ADR);
  await page.getByRole("button", { name: "Preview" }).click();

  const warnings = page.getByRole("region", { name: "Import warnings" });
  await expect(warnings).toContainText("The front matter is not valid YAML");
  await expect(page.getByRole("list", { name: "Detected sections" })).toContainText("Text before the first heading");

  await page.getByRole("button", { name: "Create document" }).click();
  await page.waitForURL(/\/d\/[a-z0-9]+$/);
  const documentId = new URL(page.url()).pathname.split("/").pop()!;
  expect(await (await page.request.get(`/api/documents/${documentId}/export.md`)).text()).toBe(ADR);

  // the metadata panel opens by itself to say the front matter is kept as written
  await expect(page.getByText("This front matter is not valid YAML")).toBeVisible();
  await page.getByRole("button", { name: "Edit as YAML" }).click();
  const source = page.getByLabel("Front matter (YAML: one key per line, comments kept)");
  await expect(source).toHaveValue(/^status: \{proposed/);
  await source.fill("not: [closed\n");
  await page.getByRole("button", { name: "Save metadata" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The metadata is not a YAML mapping" })).toBeVisible();
  await source.fill("# decided in the arch meeting\nstatus: accepted\ndate: 2020-01-01\n");
  await page.getByRole("button", { name: "Save metadata" }).click();
  const entries = page.getByRole("definition");
  await expect(entries.first()).toHaveText("accepted");
  await expect(page.getByText("This front matter is not valid YAML")).toHaveCount(0);

  const exported = await (await page.request.get(`/api/documents/${documentId}/export.md`)).text();
  expect(exported).toBe(ADR.replace(/^---\n[\s\S]*?---\n/, "---\n# decided in the arch meeting\nstatus: accepted\ndate: 2020-01-01\n---\n"));

  // a #anchor link in the text leads to the section it names
  await page.getByRole("link", { name: "the decision" }).click();
  await expect(page).toHaveURL(/#decision$/);
  await expect(page.getByRole("heading", { name: "Decision", exact: true })).toBeInViewport();
});

test("the metadata route answers 400 for bad input and 404 to other workspaces", async ({ page, request }) => {
  await signUpInUi(page, "Owner", uniqueEmail("owner"));
  await page.getByRole("link", { name: "Import Markdown" }).click();
  await page.getByLabel("Or paste Markdown").fill("---\nteam: ledger\n---\n\n# T\n\n## A\n");
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Create document" }).click();
  await page.waitForURL(/\/d\/[a-z0-9]+$/);
  const documentId = new URL(page.url()).pathname.split("/").pop()!;
  const url = `/api/documents/${documentId}/metadata`;

  expect((await (await page.request.get(url)).json()).entries).toEqual([{ key: "team", value: "ledger" }]);
  const bad = await page.request.put(url, { data: { source: "- a list\n" } });
  expect(bad.status()).toBe(400);
  const wrongType = await page.request.put(url, { data: { source: 42 } });
  expect(wrongType.status()).toBe(400);

  await signUpByApi(request, "Outsider");
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.put(url, { data: { source: "team: mine\n" } })).status()).toBe(404);
  expect((await (await page.request.get(url)).json()).entries).toEqual([{ key: "team", value: "ledger" }]);
});
