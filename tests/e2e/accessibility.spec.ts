import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { animationsSettled, reviewPanel, signUpByApi, signUpInUi, uniqueEmail } from "./support";

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, naming
 * each one's rule, impact, elements and what to do, so a failure says what to fix.
 */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  // legacy mode runs axe once in the page itself. The default also opens a blank page per run
  // to gather results from frames, which doubled this journey's time; the app has no frames
  await animationsSettled(page);
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(serious, `${where}: ${serious.length} serious or critical accessibility violations\n  ${serious.join("\n  ")}`).toEqual([]);
}

test("every page a new user reaches has no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousViolations(page, "sign-in");

  await page.goto("/signup");
  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
  await expectNoSeriousViolations(page, "sign-up");

  await signUpInUi(page, "Grace", uniqueEmail("grace"));
  await expectNoSeriousViolations(page, "the empty document list");

  await page.getByRole("link", { name: "New document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  await expectNoSeriousViolations(page, "the template gallery");

  // a template document with its sections, once the editor has started
  await page.getByRole("button", { name: "Create document from Technical Design" }).click();
  await page.getByLabel("Title").fill("Webhook retries");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.waitForURL(/\/d\/[a-z0-9]+$/);
  const documentUrl = page.url();
  const documentId = documentUrl.split("/").pop()!;
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Overview body" })).toHaveAttribute("contenteditable", "true");
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  // a diagram is drawn once it comes into view
  const architecture = page.locator("#section-architecture");
  await architecture.scrollIntoViewIfNeeded();
  await expect(architecture.locator("[data-testid=mermaid-preview] svg").first()).toBeVisible();
  await expectNoSeriousViolations(page, "a document");

  // the command palette, open over the document with its documents, sections and actions
  await page.keyboard.press("ControlOrMeta+p");
  const palette = page.getByRole("dialog", { name: "Search or jump to" });
  await expect(palette.getByRole("option", { name: /Webhook retries/ })).toBeVisible();
  await expect(palette.getByRole("option", { name: /Architecture/ })).toBeVisible();
  await expectNoSeriousViolations(page, "the command palette");
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();

  // the menus and dialogs over the text: "/" blocks, the link form, the diagram, Export
  const body = page.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("/");
  await expect(page.getByRole("listbox", { name: "Insert block" })).toBeVisible();
  await expectNoSeriousViolations(page, "the block menu");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("Runbook");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("ControlOrMeta+k");
  await expect(page.getByRole("form", { name: "Link" })).toBeVisible();
  await expectNoSeriousViolations(page, "the link form");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("form", { name: "Link" })).toHaveCount(0);
  await architecture.locator("[data-type=mermaid-block]").first().getByRole("button", { name: "Open large" }).click();
  const diagram = page.getByRole("dialog", { name: "Diagram" });
  await expect(diagram.getByRole("button", { name: "Close" })).toBeFocused();
  await expectNoSeriousViolations(page, "the diagram dialog");
  await page.keyboard.press("Escape");
  await expect(diagram).toHaveCount(0);
  await page.getByRole("button", { name: "Export" }).click();
  await expect(page.getByRole("menuitem", { name: "Markdown (.md)" })).toBeVisible();
  await expectNoSeriousViolations(page, "the Export menu");
  await page.keyboard.press("Escape");

  // the submit gate listing every problem, with the owner's override
  await reviewPanel(page).getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("button", { name: /Submit anyway/ })).toBeVisible();
  await expectNoSeriousViolations(page, "the submit gate's problems");

  const named = await page.request.post(`/api/documents/${documentId}/versions`, { data: { label: "First draft" } });
  expect(named.status(), await named.text()).toBe(201);
  await page.goto(`${documentUrl}/history?from=1&to=current`);
  await expect(page.getByRole("heading", { name: /^Changes from v1/ })).toBeVisible();
  await expectNoSeriousViolations(page, "history, comparing a version with the current content");

  // a version's view and the restore dialog that says what will change
  await page.getByRole("link", { name: "v1", exact: true }).click();
  const view = page.getByTestId("version-view");
  await view.getByRole("button", { name: "Restore “Overview”" }).click();
  const restore = page.getByRole("dialog", { name: "Restore “Overview” from v1?" });
  await expect(restore).toBeVisible();
  await expectNoSeriousViolations(page, "the restore dialog");
  await page.keyboard.press("Escape");
  await expect(restore).toHaveCount(0);
});

test("every workspace and account page has no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(120_000);
  const { workspace } = await signUpByApi(page.request, "Grace", uniqueEmail("grace"));
  const slug = workspace.slug;
  for (const [path, heading, where] of [
    [`/w/${slug}`, "Grace's workspace", "the document list"],
    [`/w/${slug}/members`, "Members", "members"],
    [`/w/${slug}/webhooks`, "Webhooks", "webhooks"],
    [`/w/${slug}/git-sync`, "Git sync", "git sync"],
    ["/settings", "Settings", "settings"],
    ["/inbox", "Inbox", "inbox"],
    [`/w/${slug}/import`, "Import a document", "import"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoSeriousViolations(page, where);
  }
});
