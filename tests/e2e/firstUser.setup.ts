import { expect, test } from "./fixtures";
import { signUpInUi, uniqueEmail } from "./support";

// The first person on a freshly started server. Its first request to each route loads
// that route's code, compiles the database queries it makes and warms the JIT: measured on
// a loaded 2-core machine, the first workspace list took 783 ms where the third took 83 ms,
// and a journey that happened to run first waited 2.8 s for a list to refresh that takes
// 0.3 s afterwards. This journey runs before all the others, so they time a server in use.
test("the first person on a new server signs up, writes, and trashes a document", async ({ page }) => {
  await signUpInUi(page, "Freya", uniqueEmail("freya"));
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const template = templates.find((t) => t.key === "technical-design")!;
  const created = await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id, title: "First plan" } });
  expect(created.status()).toBe(201);
  const doc = (await created.json()) as { id: string };

  await page.goto(`/w/${slug}/d/${doc.id}`);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const body = page.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" First words.");
  await expect(body).toContainText("First words.");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.goto(`/w/${slug}`);
  await expect(page.getByRole("link", { name: "First plan" })).toBeVisible();
  expect((await page.request.delete(`/api/documents/${doc.id}`)).status()).toBe(204);
  await expect(page.getByRole("link", { name: "First plan" })).toHaveCount(0);

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
});
