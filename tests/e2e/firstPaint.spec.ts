import { expect, test } from "./fixtures";
import { signUpByApi, uniqueEmail } from "./support";

// The document page arrives with every section's content, from what PostgreSQL stores: a
// reader sees the text at first paint, with or without JavaScript, and the live editors take
// over without the text going away.
test("a document reads from its first paint, without JavaScript too, and its editors take over", async ({ browser }) => {
  const writer = await (await browser.newContext()).newPage();
  const slug = (await signUpByApi(writer.request, "Paula Paint", uniqueEmail("paint"))).workspace.slug;
  const templates = (await (await writer.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const sdd = templates.find((t) => t.key === "software-design-document")!;
  const doc = (await (await writer.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: sdd.id, title: "Read at once" } })).json()) as { id: string };
  const url = `/w/${slug}/d/${doc.id}`;
  await writer.goto(url);
  const overview = writer.getByRole("textbox", { name: "Project Overview body" });
  await overview.click();
  await writer.keyboard.type("Stored words, shown before any script runs.");
  await expect(writer.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const live = await writer.locator("section[data-section-key]").count();
  expect(live).toBeGreaterThan(90);

  // JavaScript off: every section, its title, its stored text, and people by name
  const still = await (await browser.newContext({ javaScriptEnabled: false, storageState: await writer.context().storageState() })).newPage();
  await still.goto(url);
  await expect(still.locator("section[data-section-key]")).toHaveCount(live);
  const stored = still.locator("section#section-project_overview");
  await expect(stored.getByRole("heading", { name: "Project Overview" })).toBeVisible();
  await expect(stored.getByText("Stored words, shown before any script runs.")).toBeVisible();
  const control = still.locator("section#section-document_control");
  await expect(control.getByText("Paula Paint").first()).toBeVisible();
  await expect(control.getByText(/^c[a-z0-9]{20,}$/)).toHaveCount(0);
  await expect(still.getByRole("navigation", { name: "Outline" }).getByRole("link", { name: "Project Overview" })).toBeVisible();

  // JavaScript on: the text is there from the start, and stays while the editors take over
  const reader = await writer.context().newPage();
  await reader.goto(url, { waitUntil: "commit" });
  const text = reader.locator("section#section-project_overview").getByText("Stored words, shown before any script runs.");
  await expect(text).toBeVisible();
  await expect(reader.getByRole("textbox", { name: "Project Overview body" })).toContainText("Stored words, shown before any script runs.");
  await expect(reader.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
});
