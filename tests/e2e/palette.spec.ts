import { expect, test } from "./fixtures";
import { signUpByApi } from "./support";

test("the command palette opens a document by its title, jumps to a section, runs an action and gives the focus back", async ({ page }) => {
  const { workspace } = await signUpByApi(page.request, "Priya");
  const slug = workspace.slug;
  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const templateId = templates.find((t) => t.key === "technical-design")!.id;
  const created: Record<string, string> = {};
  for (const title of ["Webhook retries", "Billing export"]) {
    const res = await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId, title } });
    expect(res.status(), await res.text()).toBe(201);
    created[title] = ((await res.json()) as { id: string }).id;
  }

  const dialog = page.getByRole("dialog", { name: "Search or jump to" });
  const input = dialog.getByRole("combobox", { name: "Search documents, sections and actions" });

  // the shortcut opens it (instead of the browser's print), the typed part of a title finds the
  // document, and Enter opens it
  await page.goto(`/w/${slug}`);
  await expect(page.getByRole("button", { name: "Search or jump to…" })).toBeVisible();
  await page.keyboard.press("ControlOrMeta+p");
  // typed at once, while the palette's code may still be on its way: none of it is lost
  await page.keyboard.type("webho");
  await expect(input).toHaveValue("webho");
  await expect(input).toBeFocused();
  const documents = dialog.getByRole("group", { name: "Documents" });
  await expect(documents.getByRole("option")).toHaveCount(1);
  await expect(documents.getByRole("option", { name: /Webhook retries/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/w/${slug}/d/${created["Webhook retries"]}`);
  await expect(dialog).toBeHidden();
  const overview = page.getByRole("textbox", { name: "Overview body" });
  await expect(overview).toHaveAttribute("contenteditable", "true");

  // Escape closes it and the focus goes back to the editor it was in
  await overview.click();
  await page.keyboard.press("ControlOrMeta+/");
  await expect(input).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(overview).toBeFocused();

  // a section of this document, by part of its title: scrolled to and focused
  const observability = page.locator("#section-observability");
  await expect(observability).not.toBeInViewport();
  await page.keyboard.press("ControlOrMeta+p");
  await input.pressSequentially("observ");
  await expect(dialog.getByRole("group", { name: "Sections of this document" }).getByRole("option", { name: /Observability/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(observability).toBeInViewport();
  await expect(observability).toBeFocused();
  expect(new URL(page.url()).hash).toBe("#section-observability");

  // an action that stays on the page: the document's link, copied
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.keyboard.press("ControlOrMeta+p");
  await input.pressSequentially("copy link");
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("status")).toHaveText("Link copied.");
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(page.url()).origin}/w/${slug}/d/${created["Webhook retries"]}`);

  // an action, from the header's button: the document's history
  await page.getByRole("button", { name: "Search or jump to…" }).click();
  await input.pressSequentially("history");
  const history = dialog.getByRole("group", { name: "Actions" }).getByRole("option", { name: /History and compare versions/ });
  await expect(history).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/w/${slug}/d/${created["Webhook retries"]}/history`);
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();

  // nothing found says so
  await page.keyboard.press("ControlOrMeta+p");
  await input.pressSequentially("zzqx");
  await expect(dialog.getByText("Nothing matches “zzqx”.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

// The shortcut works from first paint: pressed before any of the page's code has run, it opens
// the palette once the code comes, with what was typed meanwhile.
test("the shortcut and typing before the page's code has loaded open the palette with that text", async ({ page }) => {
  const { workspace } = await signUpByApi(page.request, "Petra");
  const slug = workspace.slug;
  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const templateId = templates.find((t) => t.key === "technical-design")!.id;
  const res = await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId, title: "Webhook retries" } });
  expect(res.status(), await res.text()).toBe(201);

  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`/w/${slug}`, { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("button", { name: "Search or jump to…" })).toBeVisible();
  const dialog = page.getByRole("dialog", { name: "Search or jump to" });
  await page.keyboard.press("ControlOrMeta+p");
  await page.keyboard.type("webhx");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("o");
  // nothing has run yet to show it
  await expect(dialog).toHaveCount(0);
  release();
  const input = dialog.getByRole("combobox", { name: "Search documents, sections and actions" });
  await expect(input).toHaveValue("webho");
  await expect(input).toBeFocused();
  // typing goes on in the palette
  await page.keyboard.type(" r");
  await expect(input).toHaveValue("webho r");
  await expect(dialog.getByRole("group", { name: "Documents" }).getByRole("option", { name: /Webhook retries/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("a viewer's palette offers no new document or import", async ({ browser, page }) => {
  const owner = await signUpByApi(page.request, "Omar");
  const slug = owner.workspace.slug;
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  const { user } = await signUpByApi(viewer.request, "Vera");
  const invited = await page.request.post(`/api/workspaces/${slug}/invites`, { data: { email: user.email, role: "viewer" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { invite } = (await invited.json()) as { invite: { path: string } };
  expect((await viewer.request.post(`/api/invites/${invite.path.split("/").pop()}/accept`)).status()).toBe(201);

  await viewer.goto(`/w/${slug}`);
  await viewer.getByRole("button", { name: "Search or jump to…" }).click();
  const actions = viewer.getByRole("dialog", { name: "Search or jump to" }).getByRole("group", { name: "Actions" });
  await expect(actions.getByRole("option", { name: /Members/ })).toBeVisible();
  await expect(actions.getByRole("option", { name: /New document/ })).toHaveCount(0);
  await expect(actions.getByRole("option", { name: /Import Markdown/ })).toHaveCount(0);
});
