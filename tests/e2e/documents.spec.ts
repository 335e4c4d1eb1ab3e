import { expect, test, type Page } from "./fixtures";
import { BUILTIN_TEMPLATES } from "../../lib/templates/builtins";
import { draftTitle } from "../../lib/documents/title";
import { signUpAs, signUpInUi, uniqueEmail } from "./support";

/** A word that appears in one template's section titles and in no other template's. */
function distinctiveWord(key: string): string {
  const words = (k: string) =>
    new Set(
      BUILTIN_TEMPLATES.find((t) => t.key === k)!
        .sections.flatMap((s) => s.title.toLowerCase().match(/[a-z]{6,}/g) ?? []),
    );
  const others = BUILTIN_TEMPLATES.filter((t) => t.key !== key).flatMap((t) => [...words(t.key)]);
  const word = [...words(key)].find((w) => !others.includes(w));
  if (!word) throw new Error(`no distinctive word in ${key}`);
  return word;
}

/** An empty section (a parent of the ones below it) is a compact card whose body hints "Type / for blocks"; the hint is never text. */
async function emptySectionsInviteWriting(page: Page) {
  const card = page.locator("#section-executive_summary");
  const body = card.getByRole("textbox", { name: "Executive Summary body" });
  const hint = body.locator("p.sw-empty-body");
  const drawn = () => hint.evaluate((p) => getComputedStyle(p, "::before").content);
  await expect(hint).toHaveAttribute("data-placeholder", "Type / for blocks");
  expect(await drawn()).toBe('"Type / for blocks"');
  await expect(body).toHaveText("");
  expect((await card.boundingBox())!.height).toBeLessThan(170);
  // the live editor shows it the same way, until the first keystroke
  await body.click();
  await expect(body).toHaveAttribute("contenteditable", "true");
  expect(await drawn()).toBe('"Type / for blocks"');
  await page.keyboard.type("Why now");
  await expect(hint).toHaveCount(0);
  await expect(body).toHaveText("Why now");
  const documentId = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect.poll(async () => (await page.request.get(`/api/documents/${documentId}/export.md`)).text()).toContain("Why now");
  expect(await (await page.request.get(`/api/documents/${documentId}/export.md`)).text()).not.toContain("Type / for blocks");
}

/** The outline explains its marks, names each section's state, and marks the section on screen as the reader scrolls. */
async function outlineShowsWhereYouAre(page: Page) {
  const outline = page.getByRole("navigation", { name: "Outline" });
  await expect(outline.getByRole("list", { name: "Outline marks" }).getByRole("listitem")).toHaveText(["Nothing written yet", "Started", "A required field is empty", "Has open comments (the number says how many)", "The section you are reading"]);
  await expect(outline.getByRole("link", { name: "Executive Summary, Started" })).toBeVisible();
  await expect(outline.getByRole("link", { name: "Appendices, Nothing written yet" })).toBeVisible();
  const current = outline.locator('a[aria-current="location"]');
  await expect(current).toHaveCount(1);
  await page.evaluate(() => document.getElementById("section-appendices")!.scrollIntoView({ block: "start" }));
  await expect(current).toHaveAttribute("href", "#section-appendices");
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(current).toHaveAttribute("href", /#section-/);
  await expect(current).not.toHaveAttribute("href", "#section-appendices");
}

test("a document is created from each template, then found by list, filter and search", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpInUi(page, "Tess", uniqueEmail("tess"));
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  await expect(page.getByRole("heading", { name: "No design documents yet" })).toBeVisible();

  const titles: Record<string, string> = {};
  for (const [i, template] of BUILTIN_TEMPLATES.entries()) {
    await page.goto(`/w/${slug}/templates`);
    await page.getByRole("button", { name: `Create document from ${template.name}` }).click();
    // the title is asked for first: the template's pattern, its stand-in for the name selected
    const form = page.getByRole("form", { name: `New document from ${template.name}` });
    const box = form.getByLabel("Title");
    await expect(box).toBeFocused();
    const draft = draftTitle(template.titlePattern);
    if (draft.standIn) {
      await box.press("Enter");
      await expect(form.getByRole("alert")).toHaveText(`Replace “${draft.standIn}” with the document’s name.`);
    }
    const name = `${template.name} for ${slug}`;
    await page.keyboard.type(name);
    const typed = draft.title.slice(0, draft.selectionStart) + name + draft.title.slice(draft.selectionEnd);
    await expect(box).toHaveValue(typed);
    await expect(form.getByText(`${typed.length}/200`)).toBeVisible();
    await form.getByRole("button", { name: "Create", exact: true }).click();
    await page.waitForURL(/\/d\/[a-z0-9]+$/);
    const title = page.getByLabel("Document title");
    await expect(title).toHaveValue(typed);
    titles[template.key] = typed;
    // every non-optional section of the template is on the page, in order
    const outline = page.getByRole("navigation", { name: "Outline" }).getByRole("link");
    await expect(outline).toHaveText(template.sections.filter((s) => !s.optional).map((s) => s.title));
    if (i === 0) {
      // the limit shows before it bites, and the refusal is in plain words
      await title.fill("x".repeat(201));
      await expect(page.getByText("1 character over the limit of 200")).toBeVisible();
      await title.press("Enter");
      await expect(page.getByRole("alert").filter({ hasText: "A title" })).toHaveText("A title can have at most 200 characters.");
      titles[template.key] = `Renamed ${template.name} for ${slug}`;
      await title.fill(titles[template.key]!);
      // the rename is saved before the next navigation can cancel it
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/api/documents/") && r.ok()),
        title.press("Enter"),
      ]);
    }
    await expect(page.getByRole("heading", { name: template.sections[0]!.title }).first()).toBeVisible();
    if (template.key === "software-design-document") {
      await emptySectionsInviteWriting(page);
      await outlineShowsWhereYouAre(page);
    }
  }

  await page.goto(`/w/${slug}`);
  for (const title of Object.values(titles)) await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByText(`${BUILTIN_TEMPLATES.length} documents`)).toBeVisible();

  // filter by status
  await page.getByLabel("Status", { exact: true }).selectOption("in_review");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { name: "No documents match" })).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("draft");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText(`${BUILTIN_TEMPLATES.length} documents`)).toBeVisible();

  // a field picked by its label, its value matched in part and by a person's name; the filters show as chips
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "Author(s)" });
  await page.getByLabel("Field contains").fill("TES");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("1 document", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: titles["software-design-document"] })).toBeVisible();
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("listitem")).toHaveText(["Status: Draft×", "Author(s) contains “TES”×"]);
  await chips.getByRole("link", { name: "Remove filter Author(s) contains “TES”" }).click();
  await expect(page.getByText(`${BUILTIN_TEMPLATES.length} documents`)).toBeVisible();
  // an unknown field is an error, not every document
  await page.goto(`/w/${slug}?field=Projekt&value=x`);
  await expect(page.getByRole("alert").filter({ hasText: "No field called “Projekt”" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  const api = await page.request.get(`/api/workspaces/${slug}/documents?field=Projekt&value=x`);
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ fields: { field: ["No field called “Projekt” in this workspace’s templates."] } });

  // search a word that only one template's sections contain
  const target = BUILTIN_TEMPLATES[BUILTIN_TEMPLATES.length - 1]!;
  const word = distinctiveWord(target.key);
  await page.goto(`/w/${slug}`);
  await page.getByLabel("Search", { exact: true }).fill(word);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: titles[target.key] })).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText(new RegExp(word.slice(0, 5), "i"));
  await expect(page.getByRole("link", { name: titles[BUILTIN_TEMPLATES[0]!.key] })).toHaveCount(0);

  // trash and restore
  await page.getByRole("link", { name: titles[target.key] }).click();
  // moving to the trash is behind "⋯"; Escape closes that menu and gives the focus back
  const more = page.getByLabel("More document actions");
  const trash = page.getByRole("button", { name: "Move to trash…" });
  await expect(trash).toBeHidden();
  await more.click();
  await expect(trash).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(trash).toBeHidden();
  await expect(more).toBeFocused();
  await more.click();
  page.once("dialog", (d) => void d.accept());
  await trash.click();
  await page.waitForURL(new RegExp(`/w/${slug}$`));
  await expect(page.getByRole("link", { name: titles[target.key] })).toHaveCount(0);
  await page.getByRole("link", { name: "Trash" }).click();
  await page.getByRole("button", { name: `Restore ${titles[target.key]}` }).click();
  await expect(page.getByText("The trash is empty.")).toBeVisible();
});

test("an admin duplicates a template and edits the copy", async ({ page }) => {
  const slug = await signUpAs(page, "Uma", uniqueEmail("uma"));
  await page.goto(`/w/${slug}/templates`);
  const source = BUILTIN_TEMPLATES[0]!;
  await page.getByRole("button", { name: `Duplicate ${source.name}` }).click();
  await page.waitForURL(/\/templates\/[a-z0-9]+\/edit$/);
  await page.getByLabel("Template name").fill("Team design review");
  await page.getByRole("button", { name: "Add section" }).click();
  await page.getByLabel("Section title").last().fill("Rollback plan");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  await page.goto(`/w/${slug}/templates`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Team design review" }) });
  await expect(card.getByText("v2")).toBeVisible();
  await card.getByRole("button", { name: "Create document from Team design review" }).click();
  await card.getByLabel("Title").fill("Design - Ledger rollout");
  await card.getByRole("button", { name: "Create", exact: true }).click();
  await page.waitForURL(/\/d\/[a-z0-9]+$/);
  await expect(page.getByRole("navigation", { name: "Outline" }).getByRole("link", { name: "Rollback plan" })).toBeVisible();
});
