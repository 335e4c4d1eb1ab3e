import { expect, test, type Page } from "./fixtures";
import { documentFromDefinition, signUpByApi, uniqueEmail } from "./support";

// The document page puts the text first: the workflow is a status bar under the title and a
// side panel (review, comments, history, activity) beside the text that can be closed.

test.use({ viewport: { width: 1280, height: 800 } });

const DEFINITION = {
  name: "Panel test",
  description: "Three sections",
  titlePattern: "Panel",
  sections: [
    { key: "design", title: "Design", depth: 1, starter: "Starter design." },
    { key: "security", title: "Security", depth: 1, starter: "Starter security." },
    { key: "glossary", title: "Glossary", depth: 1, starter: "Terms we use." },
  ],
  signoffRoles: [{ key: "tech_lead", name: "Technical Lead", scope: [] }],
};

async function rewrite(page: Page, documentId: string, section: string, text: string) {
  const body = page.getByRole("textbox", { name: `${section} body` });
  await expect(body).toHaveAttribute("contenteditable", "true");
  await body.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
  await expect.poll(async () => JSON.stringify(await (await page.request.get(`/api/documents/${documentId}`)).json()), { timeout: 20_000 }).toContain(text);
}

test("on the 101-section template the first section's text is on the first screen, with the review beside it", async ({ browser, page }) => {
  const { workspace } = await signUpByApi(page.request, "Sol First", uniqueEmail("sol"));
  const templates = (await (await page.request.get(`/api/workspaces/${workspace.slug}/templates`)).json()) as { id: string; key: string }[];
  const sdd = templates.find((t) => t.key === "software-design-document")!;
  const doc = (await (await page.request.post(`/api/workspaces/${workspace.slug}/documents`, { data: { templateId: sdd.id, title: "Text first" } })).json()) as { id: string };

  // the first paint is what the server sends: drawn here without any script
  const still = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 }, storageState: await page.context().storageState() })).newPage();
  await still.goto(`/w/${workspace.slug}/d/${doc.id}`);
  const first = still.locator("section[data-section-key]").first();
  await expect(first.getByRole("heading", { name: "[Project Name] - Technical Architecture & Design" })).toBeInViewport({ ratio: 1 });
  await expect(first.getByText("[One sentence: which system this document designs, and for whom]")).toBeInViewport({ ratio: 1 });
  // the review is beside the text, not above it
  const panel = still.getByRole("complementary", { name: "Document panel" });
  await expect(panel.getByRole("heading", { name: "Review", exact: true })).toBeInViewport();
  expect((await panel.boundingBox())!.x).toBeGreaterThanOrEqual((await first.boundingBox())!.x + (await first.boundingBox())!.width);
});

test("the panel closes, stays closed after a reload, and opens again; tabs move with the arrow keys", async ({ page }) => {
  const { workspace } = await signUpByApi(page.request, "Cleo Close", uniqueEmail("cleo"));
  const doc = await documentFromDefinition(page, workspace.slug, DEFINITION);
  await page.goto(`/w/${workspace.slug}/d/${doc.id}`);
  const panel = page.getByRole("complementary", { name: "Document panel" });
  await expect(panel.getByRole("tab", { name: "Review" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("button", { name: "Review", exact: true })).toHaveAttribute("aria-pressed", "true");

  // the arrow keys move between tabs, each with its panel
  await panel.getByRole("tab", { name: "Review" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(panel.getByRole("tab", { name: "Comments" })).toBeFocused();
  await expect(panel.getByRole("tabpanel", { name: "Comments" })).toBeVisible();
  await page.keyboard.press("End");
  await expect(panel.getByRole("tab", { name: "Activity" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(panel.getByRole("tabpanel", { name: "Review" })).toBeVisible();

  // Escape in the panel closes it and gives the focus to its button in the status bar
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(page.getByRole("button", { name: "Review", exact: true })).toBeFocused();
  await expect(page.getByRole("button", { name: "Review", exact: true })).toHaveAttribute("aria-pressed", "false");

  // open on History, close with the button: closed after a reload, from the first paint
  await page.getByRole("button", { name: "History", exact: true }).click();
  await expect(panel.getByRole("tab", { name: "History" })).toHaveAttribute("aria-selected", "true");
  await panel.getByRole("button", { name: "Close panel" }).click();
  await expect(panel).toBeHidden();
  await page.reload({ waitUntil: "commit" });
  await expect(page.locator("section[data-section-key]").first()).toBeVisible();
  await expect(panel).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(panel).toBeHidden();

  // and it opens again from the status bar, where it was left
  await page.getByRole("button", { name: "History", exact: true }).click();
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("tab", { name: "History" })).toHaveAttribute("aria-selected", "true");
  await page.reload();
  await expect(panel.getByRole("tab", { name: "History" })).toHaveAttribute("aria-selected", "true");
  await expect(panel).toBeVisible();
});

test("the Comments tab lists the threads, open ones first, and takes the reader to one", async ({ page }) => {
  const { workspace } = await signUpByApi(page.request, "Cai Comment", uniqueEmail("cai"));
  const doc = await documentFromDefinition(page, workspace.slug, DEFINITION);
  const post = (sectionKey: string, body: string) => page.request.post(`/api/documents/${doc.id}/comments`, { data: { sectionKey, body, quote: "" } });
  const settled = (await (await post("design", "Is this settled?")).json()) as { id: string }[];
  expect((await page.request.post(`/api/documents/${doc.id}/comments/${settled[0]!.id}/resolve`, { data: { resolved: true } })).ok()).toBe(true);
  expect((await post("glossary", "Define backoff here.")).status()).toBe(201);

  await page.setViewportSize({ width: 1280, height: 400 });
  await page.goto(`/w/${workspace.slug}/d/${doc.id}`);
  await expect(page.getByRole("button", { name: "Comments 1" })).toBeVisible();
  await page.getByRole("button", { name: "Comments 1" }).click();
  const threads = page.getByRole("complementary", { name: "Document panel" }).getByRole("list", { name: "Comment threads" }).getByRole("link");
  await expect(threads).toHaveCount(2);
  await expect(threads.first()).toContainText("Define backoff here.");
  await expect(threads.last()).toContainText("resolved");

  const thread = page.locator("section#section-glossary").getByText("Define backoff here.");
  await expect(thread).not.toBeInViewport();
  await threads.first().click();
  await expect(thread).toBeInViewport();
});

test("the History tab steps back through the versions and shows what each one changed", async ({ page }) => {
  test.setTimeout(90_000);
  const { workspace } = await signUpByApi(page.request, "Hugo History", uniqueEmail("hugo"));
  const doc = await documentFromDefinition(page, workspace.slug, DEFINITION);
  const name = async (label: string) => expect((await page.request.post(`/api/documents/${doc.id}/versions`, { data: { label } })).status()).toBe(201);
  await page.goto(`/w/${workspace.slug}/d/${doc.id}`);
  await name("Starting point");
  await rewrite(page, doc.id, "Design", "Charges are retried once.");
  await name("Retried once");
  await rewrite(page, doc.id, "Security", "Webhooks are signed.");
  await name("Signed");

  const panel = page.getByRole("complementary", { name: "Document panel" });
  await panel.getByRole("tab", { name: "History" }).click();
  const history = panel.getByRole("tabpanel", { name: "History" });
  const versions = history.getByRole("list", { name: "Versions" }).getByRole("listitem");
  await expect(versions.first()).toContainText("Signed");
  await expect(versions.last()).toContainText("Starting point");
  const changes = history.getByTestId("version-diff");
  await expect(history.getByRole("heading", { level: 3 })).toHaveText(/^v\d+: changes from v\d+$/);
  const security = changes.locator("section[data-section-key=security]");
  await expect(security.locator("del")).toContainText(["Starter"]);
  await expect(security.locator("ins")).toContainText(["Webhooks", "are signed"]);
  // the changed section's title is a heading under the version's
  await expect(security.getByRole("heading", { level: 4 })).toHaveText("Security");

  // one step back: what the version before it changed, in another section
  await history.getByRole("button", { name: "← Previous" }).click();
  await expect(history.locator("[aria-current=true]")).toContainText("Retried once");
  const design = changes.locator("section[data-section-key=design]");
  await expect(design.locator("del")).toContainText(["Starter"]);
  await expect(design.locator("ins")).toContainText(["Charges"]);
  await expect(design).toContainText("retried once.");
  await expect(changes.locator("section[data-section-key=security]")).toHaveCount(0);
  await history.getByRole("button", { name: "← Previous" }).click();
  await expect(history.getByRole("heading", { level: 3 })).toHaveText(/the first version$/);
  await expect(history.getByRole("button", { name: "← Previous" })).toBeDisabled();
  await history.getByRole("button", { name: "Next →" }).click();
  await expect(history.locator("[aria-current=true]")).toContainText("Retried once");

  // the full comparison is one link away
  await history.getByRole("link", { name: "Open in history" }).click();
  await page.waitForURL(/\/history\?from=\d+&to=\d+$/);
  await expect(page.getByRole("heading", { name: /^Changes from v\d+ to v\d+$/ })).toBeVisible();
});
