import { expect, test, type Locator, type Page } from "./fixtures";
import { signUpByApi } from "./support";

// Issue 18, "editing that people already know": highlighted code in a readable size,
// headings that read as headings, Escape that closes what it opened and gives the focus back,
// Mermaid errors in words at the right line.

const fontSize = (el: Locator) => el.evaluate((node) => parseFloat(getComputedStyle(node).fontSize));

async function newDocument(page: Page): Promise<void> {
  const slug = (await signUpByApi(page.request, "Quill")).workspace.slug;
  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const template = templates.find((t) => t.key === "technical-design")!;
  const doc = (await (await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id, title: "Known editing" } })).json()) as { id: string };
  await page.goto(`/w/${slug}/d/${doc.id}`);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
}

test("code is highlighted and readable, headings stand out, Escape closes dialogs and menus, diagram errors read plainly", async ({ page }) => {
  await newDocument(page);
  const body = page.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("## Plan\nWhy we build it.\n### Detail\nHow it works.\n#### Note\nA detail.\n```typescript const answer = 42;");

  // toolbar buttons name their shortcuts
  const bold = page.getByRole("toolbar", { name: "Formatting for Overview" }).getByRole("button", { name: "Bold" });
  await expect(bold).toHaveAttribute("title", "Bold (Ctrl+B)");
  await expect(bold).toHaveAttribute("aria-keyshortcuts", "Control+B");

  // the editor: highlighted as typed, at a size people can read
  const code = body.locator("pre code");
  await expect(code.locator(".hljs-keyword").first()).toHaveText("const");
  await expect(code.locator(".hljs-number")).toHaveText("42");
  expect(await fontSize(code)).toBeGreaterThanOrEqual(13);
  // the section title, then Heading (3) and Subheading (4) as the toolbar and "/" make them
  const sizes = { title: await fontSize(page.locator("#title-overview")), h2: await fontSize(body.locator("h2")), h3: await fontSize(body.locator("h3")), h4: await fontSize(body.locator("h4")), text: await fontSize(body.locator("p").first()) };
  expect(sizes.title).toBeGreaterThan(sizes.h2);
  expect(sizes.h2).toBeGreaterThan(sizes.h3);
  expect(sizes.h3).toBeGreaterThanOrEqual(sizes.text * 1.1);
  expect(sizes.h4).toBeGreaterThanOrEqual(sizes.text);
  expect(await body.locator("h4").evaluate((h) => Number(getComputedStyle(h).fontWeight))).toBeGreaterThanOrEqual(700);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // a version shows the stored text read-only, highlighted and with the same heading scale;
  // the stored code block is the text as typed (highlighting is drawn, never stored)
  const documentUrl = page.url();
  const documentId = documentUrl.split("/d/")[1]!;
  const version = (await (await page.request.post(`/api/documents/${documentId}/versions`, { data: { label: "with code" } })).json()) as { number: number };
  await page.goto(`${documentUrl}/history?v=${version.number}`);
  const shown = page.getByTestId("version-view").locator("[data-section-key=overview]");
  await expect(shown.locator("pre code .hljs-keyword").first()).toHaveText("const");
  expect(await fontSize(shown.locator("pre code"))).toBeGreaterThanOrEqual(13);
  const shownText = await fontSize(shown.locator("p", { hasText: "Why we build it." }));
  expect((await fontSize(shown.locator("h3", { hasText: "Detail" }))) / shownText).toBeCloseTo(sizes.h3 / sizes.text, 2);
  expect((await fontSize(shown.locator("h2", { hasText: "Plan" }))) / shownText).toBeCloseTo(sizes.h2 / sizes.text, 2);
  const stored = (await (await page.request.get(`/api/documents/${documentId}`)).json()) as { sections: { key: string; body: { content: { type: string; attrs?: { language?: string }; content?: unknown[] }[] } }[] };
  const block = stored.sections.find((s) => s.key === "overview")!.body.content.find((n) => n.type === "codeBlock")!;
  expect(block.attrs?.language).toBe("typescript");
  expect(block.content).toEqual([{ type: "text", text: "const answer = 42;" }]);
  await page.goto(documentUrl);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // the diagram dialog: Escape closes it and the focus returns to "Open large", in the
  // section's editor (near the screen it starts at an idle moment, in place of the read-only text)
  await page.locator("#section-architecture").scrollIntoViewIfNeeded();
  await expect(page.locator('#section-architecture [contenteditable="true"][aria-label$=" body"]')).toBeVisible();
  const diagram = page.locator("#section-architecture [data-type=mermaid-block]").first();
  await diagram.scrollIntoViewIfNeeded();
  await expect(diagram.getByTestId("mermaid-preview").locator("svg")).toBeVisible();
  const openLarge = diagram.getByRole("button", { name: "Open large" });
  await openLarge.click();
  const dialog = page.getByRole("dialog", { name: "Diagram" });
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(openLarge).toBeFocused();

  // a diagram that does not parse says what is wrong in words, at its line of the source
  await diagram.getByLabel("Mermaid source").fill("flowchart LR\n  A --> B\n  %% the short way\n  B -> C");
  const problem = diagram.getByTestId("mermaid-error");
  await expect(problem).toContainText('Line 4 (B -> C): "-" is not expected here. It expected an arrow such as -->');
  await expect(problem).not.toContainText("Expecting");

  // the export menu: Escape closes it and the focus returns to its button
  const exportButton = page.getByRole("button", { name: "Export" });
  await exportButton.click();
  await expect(page.getByRole("menuitem", { name: "Markdown (.md)" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu", { name: "Export" })).toHaveCount(0);
  await expect(exportButton).toBeFocused();
});

test("keys pressed right after End from a clicked placeholder go where the caret went, even before the browser reports it", async ({ page }) => {
  await newDocument(page);
  const body = page.getByRole("textbox", { name: "Overview body" });
  const placeholder = body.locator("[data-placeholder]");
  await placeholder.click();
  // a click on a placeholder selects it (typing there replaces it)
  await expect(placeholder).toHaveClass(/ProseMirror-selectednode/);
  // a busy page reports the caret End moved to only after the next key: hold that report back
  await page.evaluate(() => {
    const hold = (e: Event) => e.stopImmediatePropagation();
    (window as Window & { holdSelection?: (e: Event) => void }).holdSelection = hold;
    window.addEventListener("selectionchange", hold, true);
  });
  await page.keyboard.press("End");
  await page.keyboard.type(" Z");
  await page.evaluate(() => window.removeEventListener("selectionchange", (window as Window & { holdSelection?: (e: Event) => void }).holdSelection!, true));
  // the placeholder stays, and the text follows it
  await expect(placeholder).toHaveText("[Problem, target users and intended outcome]");
  await expect(body).toHaveText("[Problem, target users and intended outcome] Z");
});

test("Backspace right after Markdown became formatting gives back the characters typed; a task list starts from GitHub's - [ ]", async ({ page }) => {
  await newDocument(page);
  const body = page.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("## ");
  await expect(body.locator("h2")).toHaveCount(1);
  await page.keyboard.press("Backspace");
  await expect(body.locator("h2")).toHaveCount(0);
  await expect(body.locator("p")).toHaveText("## ");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("- one\n[x] two");
  // the bullet list became a task list: its first item open, the one typed "[x] " in done
  await expect(body.locator("ul[data-type=taskList] > li")).toHaveText(["one", "two"]);
  await expect(body.locator("li[data-type=taskItem]").filter({ hasText: "two" })).toHaveAttribute("data-checked", "true");
  await expect(body.locator("li[data-type=taskItem]").filter({ hasText: "one" })).toHaveAttribute("data-checked", "false");
});

test("Ctrl+End in a section that ends in a table goes to the end of its last cell, and Ctrl+Home to the start of the section", async ({ page }) => {
  await newDocument(page);
  const body = page.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("Intro");
  await page.getByRole("toolbar", { name: "Formatting for Overview" }).getByRole("button", { name: "Insert table" }).click();
  const cells = ["h1", "h2", "h3", "a", "b", "c", "d", "e", "last"];
  for (const [i, text] of cells.entries()) {
    if (i) await page.keyboard.press("Tab");
    await page.keyboard.type(text);
  }
  await expect(body.locator("table th, table td")).toHaveText(cells);
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type("Start: ");
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" end");
  await expect(body.locator("p").first()).toHaveText("Start: Intro");
  await expect(body.locator("table th").first()).toHaveText("h1");
  await expect(body.locator("table td").last()).toHaveText("last end");
});
