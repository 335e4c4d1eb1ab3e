import { expect, test, type Page } from "./fixtures";
import { signUpAs, uniqueEmail } from "./support";

/** A document of the metadata template (numbered DDWM-…), created through the API. */
async function newDocument(page: Page, slug: string, title: string): Promise<{ id: string; number: string }> {
  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const templateId = templates.find((t) => t.key === "design-document-metadata")!.id;
  const res = await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId, title } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; number: string };
}

test("a decision is superseded by a newer one: both show the link, the log lists both, and a link by number survives a rename", async ({ page }) => {
  const slug = await signUpAs(page, "Dara", uniqueEmail("dara"));
  const me = ((await (await page.request.get("/api/me")).json()) as { user: { id: string } }).user.id;
  const first = await newDocument(page, slug, "Queue on Postgres");
  const second = await newDocument(page, slug, "Queue on Redis streams");
  expect([first.number, second.number]).toEqual(["DDWM-0001", "DDWM-0002"]);

  // the first is approved (its author signs for every role here)
  const roles = ((await (await page.request.get(`/api/documents/${first.id}/review`)).json()) as { roles: { key: string }[] }).roles.map((r) => r.key);
  for (const roleKey of roles) expect((await page.request.post(`/api/documents/${first.id}/review/assign`, { data: { roleKey, reviewerId: me } })).status()).toBe(200);
  expect((await page.request.post(`/api/documents/${first.id}/review/submit`, { data: { overrideReason: "Starter text is fine for this check." } })).status()).toBe(200);
  for (const roleKey of roles) expect((await page.request.post(`/api/documents/${first.id}/review/decision`, { data: { roleKey, decision: "approved" } })).status()).toBe(200);

  // superseding asks why and by what, in the review panel's rare actions
  await page.goto(`/w/${slug}/d/${first.id}`);
  await expect(page.getByTestId("document-number")).toHaveText("DDWM-0001");
  const review = page.getByRole("region", { name: "Review", exact: true });
  await review.getByLabel("More review actions").click();
  const form = page.getByRole("form", { name: "Change the status" });
  await form.getByLabel("Supersede").check();
  await form.getByRole("button", { name: "Supersede" }).click();
  await expect(form.getByRole("alert")).toHaveText("Write why: the document shows it beside its status.");
  await form.getByLabel("Why").fill("Redis streams keep up with the bursts.");
  await form.getByLabel("Replaced by").fill("DDWM-0002");
  await form.getByRole("button", { name: "Supersede" }).click();
  const decision = page.getByRole("definition").filter({ hasText: "Queue on Redis streams" });
  await expect(decision.getByRole("link")).toHaveText("DDWM-0002 Queue on Redis streams");
  await expect(page.getByText("Superseded because")).toBeVisible();
  await expect(page.getByText("Redis streams keep up with the bursts.")).toBeVisible();

  // the successor names what it replaced; a link by its number still works after a rename
  expect((await page.request.patch(`/api/documents/${second.id}`, { data: { title: "Queue on Redis" } })).status()).toBe(200);
  await page.goto(`/w/${slug}/d/DDWM-0002`);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/d/${second.id}$`));
  await expect(page.getByLabel("Document title")).toHaveValue("Queue on Redis");
  await expect(page.getByRole("term").filter({ hasText: "Supersedes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "DDWM-0001 Queue on Postgres" })).toBeVisible();

  // the decision log lists both, with their status and link, and filters by status
  await page.goto(`/w/${slug}/decisions`);
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "DDWM-0001" }).first()).toContainText("Superseded");
  await expect(rows.filter({ hasText: "Queue on Postgres" })).toContainText("by DDWM-0002");
  await expect(rows.filter({ hasText: "Queue on Redis" }).last()).toContainText("Draft");
  await page.getByLabel("Status").selectOption("superseded");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=superseded/);
  await expect(page.getByRole("link", { name: "Queue on Redis", exact: true })).toHaveCount(0);
  const download = await page.request.get(`/api/workspaces/${slug}/decisions/index.md?status=superseded`);
  expect(download.headers()["content-disposition"]).toContain('filename="index.md"');
  const md = await download.text();
  expect(md).toContain("| DDWM-0001 | Queue on Postgres | Superseded by DDWM-0002 | Dara |");
  expect(md).not.toContain("Queue on Redis |");
});

test("a filter that matches nothing the workspace has is shown, on the list and the log, never dropped", async ({ page }) => {
  const slug = await signUpAs(page, "Fen", uniqueEmail("fen"));
  await newDocument(page, slug, "Kept out by the filter");
  for (const path of [`/w/${slug}?template=no-such-template`, `/w/${slug}/decisions?template=no-such-template`]) {
    await page.goto(path);
    await expect(page.getByRole("alert").filter({ hasText: "no-such-template" })).toContainText("Change or remove that filter");
    await expect(page.getByRole("link", { name: "Kept out by the filter" })).toHaveCount(0);
  }
  await page.goto(`/w/${slug}/decisions?status=bogus`);
  await expect(page.getByRole("alert").filter({ hasText: "Pick a status from the list." })).toBeVisible();
});

test("typing [[ links another document by its number, and that document shows what references it", async ({ page }) => {
  const slug = await signUpAs(page, "Remy", uniqueEmail("remy"));
  const first = await newDocument(page, slug, "Queue on Postgres");
  const second = await newDocument(page, slug, "Webhook retries");
  await page.goto(`/w/${slug}/d/${second.id}`);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const section = page.locator("section[data-section-key]").filter({ has: page.locator(".sw-prose") }).first();
  await section.locator(".sw-prose").first().click();
  await expect(section.locator('[contenteditable="true"]')).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(" Builds on [[queue");
  const menu = page.getByRole("listbox", { name: "Link a document" });
  await expect(menu.getByRole("option")).toHaveText([/DDWM-0001 Queue on Postgres/]);
  await page.keyboard.press("Enter");
  const link = section.getByRole("link", { name: first.number });
  await expect(link).toHaveAttribute("href", `/w/${slug}/d/${first.number}`);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.keyboard.press("Control+s");

  // renamed, the first still lists the second, and the link still leads to it
  expect((await page.request.patch(`/api/documents/${first.id}`, { data: { title: "Queue on Postgres, v2" } })).status()).toBe(200);
  await page.goto(`/w/${slug}/d/${first.id}`);
  const referenced = page.getByRole("definition").filter({ hasText: "Webhook retries" });
  await expect(page.getByRole("term").filter({ hasText: "Referenced by" })).toBeVisible();
  await expect(referenced.getByRole("link")).toHaveText(`${second.number} Webhook retries`);
});
