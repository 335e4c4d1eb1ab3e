import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "./fixtures";
import { documentFromDefinition, pasteText, signInByApi, signUpByApi, uniqueEmail } from "./support";

/** A new person's new Software Design Document (101 sections): their page and its address. */
async function newLongDocument(browser: Browser, person: string, title: string): Promise<{ page: Page; url: string }> {
  const page = await (await browser.newContext()).newPage();
  const slug = (await signUpByApi(page.request, person, uniqueEmail(person.split(" ")[0]!.toLowerCase()))).workspace.slug;
  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const sdd = templates.find((t) => t.key === "software-design-document")!;
  const doc = (await (await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: sdd.id, title } })).json()) as { id: string };
  return { page, url: `/w/${slug}/d/${doc.id}` };
}

// The document page arrives with every section's content, from what PostgreSQL stores: a
// reader sees the text at first paint, with or without JavaScript, and the live editors take
// over without the text going away.
test("a document reads from its first paint, without JavaScript too, and its editors take over", async ({ browser }) => {
  const { page: writer, url } = await newLongDocument(browser, "Paula Paint", "Read at once");
  await writer.goto(url);
  const overview = writer.getByRole("textbox", { name: "Project Overview body" });
  // the middle of the section's text is its template placeholder: typing replaces it, whether
  // the click reached the editor or the text shown before it started
  await overview.click();
  await writer.keyboard.type("Stored words, shown before any script runs.");
  await expect(overview).toHaveText("Stored words, shown before any script runs.");
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
  // the review panel comes with the page too (no "Loading review…" to push the text down)
  await expect(still.getByRole("heading", { name: "Review", exact: true })).toBeVisible();
  await expect(still.getByText("Loading review…")).toHaveCount(0);

  // JavaScript on: the text is there from the start, and stays while the editors take over
  const reader = await writer.context().newPage();
  const response = await reader.goto(url, { waitUntil: "commit" });
  // compressed, as every page is
  expect(response?.headers()["content-encoding"]).toBe("gzip");
  const text = reader.locator("section#section-project_overview").getByText("Stored words, shown before any script runs.");
  await expect(text).toBeVisible();
  await expect(reader.getByRole("textbox", { name: "Project Overview body" })).toContainText("Stored words, shown before any script runs.");
  await expect(reader.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  // the page's scripts were fetched once its first frame was drawn, not while it was being read
  const { paint, scripts } = await reader.evaluate(() => ({
    paint: performance.getEntriesByName("first-paint")[0]?.startTime ?? Number.NaN,
    scripts: performance.getEntriesByType("resource").filter((e) => e.name.includes("/_next/static/chunks/") && e.name.endsWith(".js")).map((e) => e.startTime),
  }));
  expect(scripts.length).toBeGreaterThan(5);
  expect(Math.min(...scripts)).toBeGreaterThanOrEqual(paint);
});

// Pressed before the page's code has run (it is held back here), a section's text shows the
// caret and what is typed at once; the section's editor takes that text over when it starts,
// caret included, and stores it.
test("a section pressed before the page's code runs takes typing at once, and its editor keeps it", async ({ browser }) => {
  const { page, url } = await newLongDocument(browser, "Erin Early", "Typed early");
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "commit" });
  const overview = page.locator("section#section-project_overview");
  // the section's template placeholder, pressed: selected whole, so typing replaces it
  await overview.locator("[data-static-body] [data-placeholder]").first().click();
  await page.keyboard.type("Typed before the code");
  await expect(overview.locator("[data-static-body]")).toHaveText("Typed before the code");
  // a placeholder pressed, then End: the caret goes after it, not into its hint, and the
  // placeholder stays as it is
  const header = page.locator("section#section-project_header");
  await header.locator("[data-static-body] [data-placeholder]").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" After the hint.");
  await expect(header.locator("[data-static-body] [data-placeholder]")).toHaveText(HEADER_HINT);
  await expect(header.locator("[data-static-body] p")).toHaveText(`${HEADER_HINT} After the hint.`);
  // then another section, an empty one
  const summary = page.locator("section#section-executive_summary");
  await summary.locator("[data-static-body]").click();
  await page.keyboard.type("A summary, typed early");
  await expect(summary.locator("[data-static-body]")).toHaveText("A summary, typed early");
  expect(await page.locator(".ProseMirror").count()).toBe(0);

  release();
  const body = page.getByRole("textbox", { name: "Project Overview body" });
  await expect(body).toHaveClass(/ProseMirror/);
  await expect(body).toHaveText("Typed before the code");
  const headerBody = page.getByRole("textbox", { name: /Technical Architecture & Design body/ });
  await expect(headerBody).toHaveClass(/ProseMirror/);
  await expect(headerBody).toHaveText(`${HEADER_HINT} After the hint.`);
  const summaryBody = page.getByRole("textbox", { name: "Executive Summary body" });
  await expect(summaryBody).toHaveClass(/ProseMirror/);
  // the caret stayed where the typing left it, in the section typed into last
  await page.keyboard.type(", and after it.");
  await expect(summaryBody).toHaveText("A summary, typed early, and after it.");
  await expect(body).toHaveText("Typed before the code");
  // taken over as the browser showed it, not typed again key by key (which the page would say)
  await expect(page.getByText(/typed again key by key/)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Project Overview body" })).toHaveText("Typed before the code");
  await expect(page.getByRole("textbox", { name: /Technical Architecture & Design body/ })).toHaveText(`${HEADER_HINT} After the hint.`);
  await expect(page.getByRole("textbox", { name: "Executive Summary body" })).toHaveText("A summary, typed early, and after it.");
});

// Typed before the section's editor had its code, while another person wrote at the end of the
// same paragraph: once the editor starts, both are there, as the person saw theirs, and nothing
// is typed again key by key.
test("typing before a section's editor starts is kept beside what another wrote in the same paragraph meanwhile", async ({ browser }) => {
  const { page: early, url } = await newLongDocument(browser, "Mira Merge", "Merged early");
  const other = await (await browser.newContext({ storageState: await early.context().storageState() })).newPage();
  await other.goto(url);
  const otherOverview = other.getByRole("textbox", { name: "Project Overview body" });
  await otherOverview.click();
  await other.keyboard.type("Known risks today");
  await expect(other.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // the page's code is held back, then, once it runs, the code of the section editors
  let editorsCode: "held first" | "held" | "free" = "held first";
  let releasePage = () => {};
  let releaseEditors = () => {};
  const pageCode = new Promise<void>((resolve) => (releasePage = resolve));
  const editorCode = new Promise<void>((resolve) => (releaseEditors = resolve));
  let heldEditorChunks = 0;
  await early.route("**/_next/static/chunks/*.js", async (route) => {
    if (editorsCode === "held first") await pageCode;
    else if (editorsCode === "held") {
      heldEditorChunks++;
      await editorCode;
    }
    await route.continue();
  });
  await early.goto(url, { waitUntil: "commit" });
  const overview = early.locator("section#section-project_overview [data-static-body]");
  await expect(overview).toHaveText("Known risks today");
  await overview.locator("p").click({ position: { x: 2, y: 5 } });
  await early.keyboard.press("Home");
  await early.keyboard.type("Big: ");
  await expect(overview).toHaveText("Big: Known risks today");

  // meanwhile the other writes at the end of that paragraph, and in another section
  await otherOverview.click();
  await other.keyboard.press("ControlOrMeta+End");
  await other.keyboard.type(", and tomorrow");
  const otherSummary = other.getByRole("textbox", { name: "Executive Summary body" });
  await otherSummary.click();
  await other.keyboard.type("Summary by the other");
  await expect(other.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  editorsCode = "held";
  releasePage();
  // the page has the other's writing (the outline marks the section they started), its editors not yet
  const summaryEntry = early.getByRole("navigation").locator('a[href="#section-executive_summary"]');
  await expect(summaryEntry).toHaveAttribute("data-status", /^(in progress|problems)$/);
  await expect(overview).toHaveText("Big: Known risks today");
  expect(heldEditorChunks).toBeGreaterThan(0);
  editorsCode = "free";
  releaseEditors();

  const body = early.getByRole("textbox", { name: "Project Overview body" });
  await expect(body).toHaveClass(/ProseMirror/);
  await expect.poll(() => typed(body)).toBe("Big: Known risks today, and tomorrow");
  await expect.poll(() => typed(otherOverview)).toBe("Big: Known risks today, and tomorrow");
  // the caret stayed after what was typed early
  await early.keyboard.type("very ");
  await expect.poll(() => typed(body)).toBe("Big: very Known risks today, and tomorrow");
  await expect(early.getByText(/typed again key by key/)).toHaveCount(0);
  await expect(early.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect.poll(() => typed(otherOverview)).toBe("Big: very Known risks today, and tomorrow");
});

/** The template's placeholder in the text of the Software Design Document's first section. */
const HEADER_HINT = "[One sentence: which system this document designs, and for whom]";

/** A section's text without other people's carets (their name labels sit in the text). */
function typed(body: Locator): Promise<string> {
  return body.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return (copy.textContent ?? "").replaceAll("\u2060", "");
  });
}

/** A page on which sections never come into view (no IntersectionObserver): each starts its editor only when asked. */
async function pageWithoutScrolling(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.IntersectionObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    } as unknown as typeof IntersectionObserver;
  });
  return page;
}

// Editors start for the sections a person reaches, not for all 101 at once; a section without
// an editor still shows other people's changes, and who is in it.
test("a long document starts editors near the reader only, and a far section shows others' changes and who is there", async ({ browser }) => {
  const { page: a, url } = await newLongDocument(browser, "Lena Long", "Long one");
  const b = await a.context().newPage();
  await Promise.all([a.goto(url), b.goto(url)]);
  await Promise.all([a, b].map((p) => expect(p.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible()));
  const sections = await b.locator("section[data-section-key]").count();
  expect(sections).toBeGreaterThan(90);
  // B reads the first section and stays there:
  // only the sections near it have editors (started once the editor's code, fetched after
  // the page, is there)
  await b.locator("section[data-section-key]").first().scrollIntoViewIfNeeded();
  await expect.poll(() => b.locator(".ProseMirror").count()).toBeGreaterThan(0);
  const editors = await b.locator(".ProseMirror").count();
  expect(editors).toBeLessThan(sections / 3);

  // A writes in the last section; B, far from it, sees the words in its read-only text
  const glossaryA = a.getByRole("textbox", { name: "Appendix C: SQL Schemas body" });
  await glossaryA.click();
  await a.keyboard.press("ControlOrMeta+a");
  await a.keyboard.type("alpha omega");
  const glossaryB = b.locator("section#section-appendix_c_sql_schemas [data-static-body]");
  await expect(glossaryB.locator("p").filter({ hasText: "alpha omega" })).toBeVisible();
  // and who is in it
  await expect(b.locator("section#section-appendix_c_sql_schemas").getByLabel("Here now")).toHaveText("Lena Long");
  // a change far away starts no editor (one near the top may have stopped as the page settled)
  expect(await b.locator(".ProseMirror").count()).toBeLessThanOrEqual(editors);
});

// Reading through to the end: editors start on the way and stop behind, so the page keeps
// only the few around where the reader is.
test("reading through a long document keeps only the editors around where the reader is", async ({ browser }) => {
  const { page: b, url } = await newLongDocument(browser, "Rita Read", "Read through");
  await b.goto(url);
  await expect(b.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const all = await b.locator("section[data-section-key]").all();
  expect(all.length).toBeGreaterThan(90);
  for (const section of all) await section.scrollIntoViewIfNeeded();
  await expect(b.getByRole("textbox", { name: "Appendix C: SQL Schemas body" })).toHaveClass(/ProseMirror/);
  await expect.poll(() => b.locator(".ProseMirror").count(), { timeout: 15_000 }).toBeLessThan(all.length / 3);
  await expect(b.locator("section#section-appendix_c_sql_schemas [data-static-body]")).toHaveCount(0);
});

// A section whose editor has not started: a click puts the caret where it landed (or selects
// the placeholder it landed on, as the editor does), and the keyboard's focus starts one too.
test("a click in a section with no editor yet edits where it lands, and the focus starts its editor", async ({ browser }) => {
  const { page: a, url } = await newLongDocument(browser, "Cleo Click", "Click here");
  await a.goto(url);
  const glossaryA = a.getByRole("textbox", { name: "Appendix C: SQL Schemas body" });
  await glossaryA.click();
  await a.keyboard.press("ControlOrMeta+a");
  await a.keyboard.type("alpha omega");
  await expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  const c = await pageWithoutScrolling(a.context());
  await c.goto(url);
  await expect(c.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(await c.locator(".ProseMirror").count()).toBe(0);
  const glossaryC = c.locator("section#section-appendix_c_sql_schemas [data-static-body]");
  const word = glossaryC.getByText("alpha omega");
  const alphaWidth = await word.evaluate((el) => {
    const range = document.createRange();
    range.setStart(el.firstChild!, 0);
    range.setEnd(el.firstChild!, "alpha".length);
    return range.getBoundingClientRect().width;
  });
  // in the right half of alpha's last letter: the caret goes after it
  await word.click({ position: { x: alphaWidth - 1, y: 8 } });
  await c.keyboard.type(" beta");
  const editorC = c.getByRole("textbox", { name: "Appendix C: SQL Schemas body" });
  await expect(editorC).toHaveClass(/ProseMirror/);
  await expect.poll(() => typed(editorC)).toBe("alpha beta omega");
  await expect.poll(() => typed(glossaryA)).toBe("alpha beta omega");
  expect(await c.locator(".ProseMirror").count()).toBe(1);

  // a click on a template placeholder selects it, so typing replaces it
  const overview = c.locator("section#section-project_overview [data-static-body]");
  await overview.locator("[data-placeholder]").click();
  await c.keyboard.type("What it does.");
  await expect(c.getByRole("textbox", { name: "Project Overview body" })).toHaveText("What it does.");

  // the keyboard's focus starts an editor too, with the caret at the start
  await c.getByRole("textbox", { name: "Appendix B: Code Examples body" }).focus();
  await c.keyboard.type("first ");
  await expect(c.getByRole("textbox", { name: "Appendix B: Code Examples body" })).toHaveClass(/ProseMirror/);
  await expect.poll(() => typed(a.getByRole("textbox", { name: "Appendix B: Code Examples body" }))).toMatch(/^first /);
});

// The editor's code comes after the page. Keys pressed in a section before it arrives are
// pressed again in the editor once it is there: nothing typed is lost.
test("keys pressed while the editor's code is still on its way are kept", async ({ browser }) => {
  const { page, url } = await newLongDocument(browser, "Sam Slow", "Slow code");
  // the page's own scripts come at once; any script it loads later waits until released
  const html = await (await page.request.get(url)).text();
  const first = new Set([...html.matchAll(/\/_next\/static\/chunks\/[^"\\]+\.js/g)].map((m) => m[0]));
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    if (!first.has(new URL(route.request().url()).pathname)) await released;
    await route.continue();
  });
  // (the page's load event waits for the held scripts)
  await page.goto(url, { waitUntil: "domcontentloaded" });
  const overview = page.getByRole("textbox", { name: "Project Overview body" });
  // the page's own code has run (React has taken over the section's text): a press before
  // that reaches no handler at all, which is not what this journey is about
  await expect.poll(() => overview.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber$")))).toBe(true);
  await overview.click();
  // still the read-only text: the editor's code has not come yet
  await expect(page.locator(".ProseMirror")).toHaveCount(0);
  await page.keyboard.type("Typed early.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Second line");
  // shown at once, but not stored yet: the page does not say "Saved" until the editor has it
  await expect(overview.locator("p")).toHaveText(["Typed early.", "Second line"]);
  await expect(page.getByRole("status")).toHaveText("Saving…");
  release();
  await expect(overview).toHaveClass(/ProseMirror/);
  await expect(overview.locator("p")).toHaveText(["Typed early.", "Second line"]);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
});

// The text is on screen before any of the page's code has run. A press in a section then,
// and the keys typed after it, are kept by the page itself and go to the section's editor
// once it starts: the caret where the press landed, the keys pressed there. A click on a
// control is made again once the code is there.
test("a press and keys in a section before the page's code has run go to its editor once it starts, and a control clicked then answers", async ({ browser }) => {
  const { page, url } = await newLongDocument(browser, "Ed Early", "Early press");
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  const far = page.getByRole("textbox", { name: "Design Patterns & Best Practices body" });
  // no script of the page's has run: React has not taken over the text
  expect(await far.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber$")))).toBe(false);
  // a click on one of the page's controls waits for its code too
  const panel = page.getByRole("complementary", { name: "Document panel" });
  await panel.getByRole("tab", { name: "Comments" }).click();
  await expect(panel.getByRole("tab", { name: "Review" })).toHaveAttribute("aria-selected", "true");
  // the press lands on the section's template placeholder ("- [Guideline]"), which the editor then selects
  await far.locator("[data-placeholder]").click();
  await page.keyboard.type("Pressed before any code.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("A second point");
  // the text shows it at once (the browser edits it until the editor starts)
  await expect(far.locator("li")).toHaveText(["Pressed before any code.", "A second point"]);
  expect(await page.locator(".ProseMirror").count()).toBe(0);
  release();
  await expect(far).toHaveClass(/ProseMirror/);
  await expect(far.locator("li")).toHaveText(["Pressed before any code.", "A second point"]);
  await expect(page.getByText(/typed again key by key/)).toHaveCount(0);
  await expect(panel.getByRole("tab", { name: "Comments" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  // stored: a fresh load shows it
  await page.reload();
  await expect(page.locator("section#section-design_patterns_and_best_practices li")).toHaveText(["Pressed before any code.", "A second point"]);
});

// A paste in a section's text before its editor has started is not lost: it is held in its
// place among the keys, said on the page, and pasted by the editor once it starts (Markdown
// becomes formatting, as any paste); what was typed after it follows it. Both before the
// page's code has run (its inline holder) and after, while the editor's code still loads.
test("a paste before a section's editor has started is pasted by it, Markdown and all, with what was typed around it", async ({ browser }) => {
  const { page, url } = await newLongDocument(browser, "Pat Paste", "Early paste");
  const html = await (await page.request.get(url)).text();
  const first = new Set([...html.matchAll(/\/_next\/static\/chunks\/[^"\\]+\.js/g)].map((m) => m[0]));
  let releaseAll = () => {};
  const allReleased = new Promise<void>((resolve) => (releaseAll = resolve));
  let releaseLater = () => {};
  const laterReleased = new Promise<void>((resolve) => (releaseLater = resolve));
  // the page's own scripts wait for `releaseAll`; any script it loads later for `releaseLater` too
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await allReleased;
    if (!first.has(new URL(route.request().url()).pathname)) await laterReleased;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });

  // before any of the page's code: the press on the placeholder selects it, typing replaces it
  const overview = page.getByRole("textbox", { name: "Project Overview body" });
  expect(await overview.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber$")))).toBe(false);
  await overview.locator("[data-placeholder]").click();
  await page.keyboard.type("Before the paste, ");
  await pasteText(overview.locator(".sw-prose"), "**bold words** and [a link](https://example.com/paste)");
  await page.keyboard.type(" typed after.");
  // typed before it shows at once; the paste is announced in its place, and what follows waits with it
  await expect(overview).toContainText("Before the paste,");
  await expect(overview.locator(".sw-prose[data-paste-pending]")).toHaveCount(1);
  await expect(overview).not.toContainText("bold words");

  // the page's code runs (the editor's does not come yet): a paste in a second section is held the same way
  releaseAll();
  const goals = page.getByRole("textbox", { name: "Executive Summary body" });
  await expect.poll(() => goals.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber$")))).toBe(true);
  await goals.locator("[data-placeholder]").first().click();
  // pasted with the keys, from the clipboard, as a person does
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate(() => navigator.clipboard.writeText("Plain pasted line"));
  await page.keyboard.press("ControlOrMeta+v");
  await expect(goals.locator(".sw-prose[data-paste-pending]")).toHaveCount(1);
  await expect(page.getByRole("status")).toHaveText("Saving…");
  expect(await page.locator(".ProseMirror").count()).toBe(0);

  // the editor's code comes: each section's editor pastes what was held there, in order
  releaseLater();
  await expect(overview).toHaveClass(/ProseMirror/);
  await expect(overview).toHaveText("Before the paste, bold words and a link typed after.");
  await expect(overview.locator("strong")).toHaveText("bold words");
  await expect(overview.getByRole("link", { name: "a link" })).toHaveAttribute("href", "https://example.com/paste");
  await expect(goals).toHaveClass(/ProseMirror/);
  await expect(goals).toContainText("Plain pasted line");
  await expect(page.locator("[data-paste-pending]")).toHaveCount(0);
  await expect(page.getByText(/typed again key by key/)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  // stored: a fresh load shows both
  await page.reload();
  await expect(overview).toHaveText("Before the paste, bold words and a link typed after.");
  await expect(overview.locator("strong")).toHaveText("bold words");
  await expect(goals).toContainText("Plain pasted line");
});

// The largest document the editor is built for: 200 sections. A click in section 180 edits
// there at once, and a second browser, far from it, sees the words arrive.
test("in a 200-section document, a click into section 180 edits there, and a second browser sees it live", async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const email = uniqueEmail("hana");
  const slug = (await signUpByApi(a.request, "Hana Huge", email)).workspace.slug;
  const sections = Array.from({ length: 200 }, (_, i) => ({ key: `part_${i + 1}`, title: `Part ${i + 1}`, depth: 1, starter: `What part ${i + 1} covers: [Describe it]` }));
  const doc = await documentFromDefinition(a, slug, { name: "Two hundred parts", description: "A long document", titlePattern: "Huge", sections, signoffRoles: [{ key: "lead", name: "Lead", scope: [] }] });
  const url = `/w/${slug}/d/${doc.id}`;
  const b = await (await browser.newContext()).newPage();
  expect((await signInByApi(b.request, email)).status()).toBe(200);
  // when A's page opens its socket
  await a.addInitScript(() => {
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        (window as unknown as { socketAt?: number }).socketAt ??= performance.now();
      }
    };
  });
  await Promise.all([a.goto(url), b.goto(url)]);
  await expect(a.locator("section[data-section-key]")).toHaveCount(200);
  await Promise.all([a, b].map((p) => expect(p.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible()));
  // the socket connected, and the server checked the session, while the 200 sections hydrated, not after
  const [socketAt, hydratedAt] = await a.evaluate(() => [(window as unknown as { socketAt?: number }).socketAt, performance.getEntriesByName("specwright:sections-hydrated")[0]?.startTime]);
  expect(socketAt).toBeLessThan(hydratedAt!);

  const target = a.getByRole("textbox", { name: "Part 180 body" });
  await target.click();
  await a.keyboard.type("Typed far down.");
  await expect(target).toContainText("Typed far down.");
  await expect(b.locator("section#section-part_180")).toContainText("Typed far down.");
  await expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  // B still has editors only near where it reads, not 200
  expect(await b.locator(".ProseMirror").count()).toBeLessThan(40);
});
