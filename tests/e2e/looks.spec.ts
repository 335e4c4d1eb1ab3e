import { expect, test, type Locator, type Page } from "./fixtures";
import { signUpByApi, uniqueEmail } from "./support";

/**
 * How the main pages look, at a desktop and a phone width, against images a person has
 * looked at (tests/e2e/looks/). After a change meant to alter a page, look at the new
 * images before checking them in: `npx playwright test tests/e2e/looks.spec.ts --update-snapshots`.
 */

const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "narrow", width: 390, height: 844 },
] as const;

// anything that changes from run to run: the times things happened (masked below), the
// text caret and other people's carets
const STEADY = `
  *, *::before, *::after { caret-color: transparent !important; }
  .collaboration-carets__caret, .collaboration-carets__label { display: none !important; }
`;

test.use({ reducedMotion: "reduce" });

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  // nothing focused or under the pointer: no focus ring, no open menu, no section's controls
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
}

async function expectLooks(page: Page, name: string, options: { fullPage?: boolean; of?: Locator } = {}): Promise<void> {
  await settle(page);
  const shot = { mask: [page.locator("time")], style: STEADY, maxDiffPixelRatio: 0.01 };
  if (options.of) await expect(options.of).toHaveScreenshot(`${name}.png`, shot);
  else await expect(page).toHaveScreenshot(`${name}.png`, { ...shot, fullPage: options.fullPage ?? false });
}

async function openDocument(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Overview body" })).toHaveAttribute("contenteditable", "true");
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  // the submit gate's problems, counted once the panel has checked them
  await expect(page.getByRole("group", { name: "Status bar" }).getByRole("button", { name: /problems before review$/ })).toBeVisible();
}

test("the document page, gallery, list, history and review panel look as reviewed, wide and narrow", async ({ page }) => {
  test.setTimeout(120_000);
  const { workspace } = await signUpByApi(page.request, "Ada Lovelace", uniqueEmail("ada"));
  const slug = workspace.slug;
  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const template = templates.find((t) => t.key === "technical-design")!;
  const created = await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id, title: "Webhook retries" } });
  expect(created.status(), await created.text()).toBe(201);
  const documentId = ((await created.json()) as { id: string }).id;
  const url = `/w/${slug}/d/${documentId}`;
  expect((await page.request.post(`/api/documents/${documentId}/versions`, { data: { label: "First draft" } })).status()).toBe(201);

  // one change after the version, so the comparison has something to show
  await openDocument(page, url);
  const overview = page.getByRole("textbox", { name: "Overview body" });
  await overview.click();
  await page.keyboard.press("ControlOrMeta+a");
  const sentence = "Failed webhooks are retried with exponential backoff for up to a day.";
  await page.keyboard.type(sentence);
  await expect
    .poll(async () => JSON.stringify(await (await page.request.get(`/api/documents/${documentId}`)).json()), { timeout: 20_000 })
    .toContain(sentence);
  await openDocument(page, url);

  // each page is loaded once and drawn at both widths
  const atEachWidth = async (shoot: (width: string) => Promise<void>) => {
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await shoot(size.name);
    }
  };

  await atEachWidth(async (width) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectLooks(page, `document-${width}`);
    // on a narrow screen the side panel starts closed, so the text comes first; it opens from the status bar
    const review = page.locator("section[aria-labelledby=review-heading]");
    if (width === "narrow") {
      await expect(review).toBeHidden();
      await page.getByRole("button", { name: "Review", exact: true }).click();
    }
    await expectLooks(page, `review-panel-${width}`, { of: review });
    const architecture = page.locator("#section-architecture");
    await architecture.scrollIntoViewIfNeeded();
    await expect(architecture.locator("[data-testid=mermaid-preview] svg").first()).toBeVisible();
    await expectLooks(page, `document-diagram-${width}`, { of: architecture });
  });

  // the command palette over the document: its documents, sections and actions
  await atEachWidth(async (width) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press("ControlOrMeta+p");
    const palette = page.getByRole("dialog", { name: "Search or jump to" });
    await expect(palette.getByRole("option", { name: /Webhook retries/ })).toBeVisible();
    await expect(palette.getByRole("status")).toHaveText("");
    await expectLooks(page, `palette-${width}`);
    await page.keyboard.press("Escape");
    await expect(palette).toBeHidden();
  });

  await page.goto(`/w/${slug}/templates`);
  await atEachWidth((width) => expectLooks(page, `gallery-${width}`, { fullPage: true }));

  await page.goto(`/w/${slug}`);
  await expect(page.getByRole("link", { name: "Webhook retries" })).toBeVisible();
  await atEachWidth((width) => expectLooks(page, `documents-${width}`, { fullPage: true }));

  await page.goto(`${url}/history?from=1&to=current`);
  await expect(page.getByRole("heading", { name: /^Changes from v1/ })).toBeVisible();
  await atEachWidth((width) => expectLooks(page, `history-${width}`, { fullPage: true }));
});
