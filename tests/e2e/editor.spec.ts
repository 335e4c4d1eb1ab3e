import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Browser, type Locator } from "./fixtures";
import { animationsSettled, documentInTwoBrowsers, formAlert, PASSWORD, pasteText, signInByApi, signUpAs, signUpFrom, uniqueEmail } from "./support";

/** An editor's text without the other people's carets (their name labels sit in the text). */
function typedText(editor: Locator): Promise<string> {
  return editor.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    // carets are drawn with word joiners (U+2060) either side
    return (copy.textContent ?? "").replaceAll("\u2060", "");
  });
}

/** Whether `merged` is `x` and `y` interleaved, each keeping its own order. */
function interleaves(merged: string, x: string, y: string): boolean {
  if (merged.length !== x.length + y.length) return false;
  // can[i][j]: merged's first i + j characters interleave x's first i and y's first j
  const can = Array.from({ length: x.length + 1 }, () => new Array<boolean>(y.length + 1).fill(false));
  can[0]![0] = true;
  for (let i = 0; i <= x.length; i++) {
    for (let j = 0; j <= y.length; j++) {
      const c = merged[i + j - 1];
      if (i > 0 && can[i - 1]![j] && x[i - 1] === c) can[i]![j] = true;
      if (j > 0 && can[i]![j - 1] && y[j - 1] === c) can[i]![j] = true;
    }
  }
  return can[x.length]![y.length]!;
}

function twoEditors(browser: Browser) {
  return documentInTwoBrowsers(browser, { person: "Wren", title: "Live doc" });
}

test("two people edit one document live, and a reload keeps it", async ({ browser }) => {
  const { a, b } = await twoEditors(browser);
  const bodyA = a.getByRole("textbox", { name: "Overview body" });
  const bodyB = b.getByRole("textbox", { name: "Overview body" });

  await bodyA.click();
  await a.keyboard.press("End");
  await a.keyboard.type(" Alpha writes here.");
  await expect(bodyB).toContainText("Alpha writes here.");
  // B sees A's caret, with A's name, in that section and nowhere else
  const caretsB = b.locator(".collaboration-carets__label");
  await expect(bodyB.locator(".collaboration-carets__label")).toHaveText("Wren");
  await expect(caretsB).toHaveCount(1);
  // A moves to another section: the caret follows
  const components = "Components body";
  await a.getByRole("textbox", { name: components }).click();
  // B's editor of that section may start only when B scrolls there
  await b.getByRole("textbox", { name: components }).scrollIntoViewIfNeeded();
  await expect(b.getByRole("textbox", { name: components }).locator(".collaboration-carets__label")).toHaveText("Wren");
  await expect(caretsB).toHaveCount(1);
  await bodyA.click();
  await a.keyboard.press("End");

  // both type in the same section at once
  await bodyB.click();
  await b.keyboard.press("End");
  await Promise.all([a.keyboard.type(" One from A."), b.keyboard.type(" Two from B.")]);
  // keystrokes typed at the same spot at the same moment may interleave (and a caret can hop
  // over a space the other just typed): nothing is lost, each person's characters keep
  // their order, and both browsers show the same text
  const typedAfter = (text: string) => text.slice(text.indexOf("Alpha writes here.") + "Alpha writes here.".length).replace(/\s/g, "");
  let merged = "";
  await expect
    .poll(async () => {
      const [textA, textB] = [await typedText(bodyA), await typedText(bodyB)];
      merged = textA;
      // both browsers agree and hold every character: or what each shows, to say why not
      return textA === textB && typedAfter(textA).length === 18 ? "converged" : `A: ${textA} | B: ${textB}`;
    })
    .toBe("converged");
  expect(interleaves(typedAfter(merged), "OnefromA.", "TwofromB."), `"${typedAfter(merged)}" interleaves "OnefromA." and "TwofromB."`).toBe(true);

  // a typed field is shared too
  const quality = a.getByLabel("Quality Level");
  await quality.selectOption("production");
  await expect(b.getByLabel("Quality Level")).toHaveValue("production");

  await expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await b.reload();
  await expect.poll(() => typedText(b.getByRole("textbox", { name: "Overview body" }))).toBe(merged);
  await expect(b.getByLabel("Quality Level")).toHaveValue("production");
});

test("a Mermaid error keeps the last drawing until the diagram is fixed", async ({ browser }) => {
  const { a, b } = await twoEditors(browser);
  const block = a.locator("#section-architecture [data-type=mermaid-block]").first();
  await block.scrollIntoViewIfNeeded();
  await expect(block.getByTestId("mermaid-preview").locator("svg")).toBeVisible();

  const source = block.getByLabel("Mermaid source");
  await source.fill("flowchart LR\n  Gateway --> Ledger\n  Ledger -->");
  await expect(block.getByTestId("mermaid-error")).toContainText(/line/i);
  await expect(block.getByTestId("mermaid-preview").locator("svg")).toBeVisible();

  await source.fill("flowchart LR\n  Gateway --> Ledger");
  await expect(block.getByTestId("mermaid-error")).toHaveCount(0);
  await expect(block.getByTestId("mermaid-preview")).toContainText("Ledger");

  // the other browser draws the same diagram
  const other = b.locator("#section-architecture [data-type=mermaid-block]").first();
  await other.scrollIntoViewIfNeeded();
  await expect(other.getByTestId("mermaid-preview")).toContainText("Ledger");
});

test("a diagram with injected script or handlers renders nothing executable", async ({ browser }) => {
  const { a } = await twoEditors(browser);
  let alerted = false;
  a.on("dialog", (d) => {
    alerted = true;
    void d.dismiss();
  });
  const block = a.locator("#section-architecture [data-type=mermaid-block]").first();
  await block.scrollIntoViewIfNeeded();
  await block.getByLabel("Mermaid source").fill(
    'flowchart LR\n  A["<img src=x onerror=alert(1)>"] --> B["<script>alert(2)</script>"]\n  click A "javascript:alert(3)"',
  );
  await a.waitForTimeout(1000);
  const preview = block.getByTestId("mermaid-preview");
  expect(await preview.locator("script, [onerror], [onclick], a[href^='javascript']").count()).toBe(0);
  expect(alerted).toBe(false);
});

test("the document page has no serious or critical accessibility violations", async ({ browser }) => {
  const { url, a } = await twoEditors(browser);
  const context = await browser.newContext({ bypassCSP: true, storageState: await a.context().storageState() });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole("textbox", { name: "Overview body" }).waitFor();
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: axeSource });
  await animationsSettled(page);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations).toEqual([]);
});

test("opening a document in the editor does not change its content", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const slug = await signUpAs(page, "Otto", uniqueEmail("otto"));
  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const template = templates.find((t) => t.key === "technical-design")!;
  const { id } = (await (await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id } })).json()) as { id: string };
  const read = async () => {
    const doc = (await (await page.request.get(`/api/documents/${id}`)).json()) as { sections: { key: string; body: unknown; fields: unknown }[] };
    return JSON.stringify(doc.sections.map((s) => [s.key, s.body, s.fields]));
  };
  const created = await read();
  await page.goto(`/w/${slug}/d/${id}`);
  // every section's editor starts as its section comes near (and may stop again once far)
  const sections = page.locator("section[data-section-key]");
  await expect(sections.first()).toBeVisible();
  for (const section of await sections.all()) {
    await section.scrollIntoViewIfNeeded();
    await expect(section.locator(".ProseMirror[contenteditable='true']").first()).toBeVisible();
  }
  await expect(page.getByRole("textbox", { name: "Open Questions body" })).toHaveAttribute("contenteditable", "true");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.keyboard.press("ControlOrMeta+s");
  await page.waitForTimeout(1500);
  expect(await read()).toBe(created);
  expect(await (await page.request.get(`/api/documents/${id}/versions`)).json()).toEqual([]);
});

test("sections are renamed, reordered, deleted with undo and added, live for everyone", async ({ browser }) => {
  const { a, b } = await twoEditors(browser);
  const outlineB = b.getByRole("navigation", { name: "Outline" }).getByRole("link");
  const first = await outlineB.first().innerText();
  const second = await outlineB.nth(1).innerText();

  // a section's actions are in its "⋯" menu
  await a.getByRole("button", { name: `Actions for section ${first}` }).click();
  await a.getByRole("menuitem", { name: "Rename" }).click();
  await a.getByLabel(`Rename ${first}`).fill("Summary");
  await a.getByLabel(`Rename ${first}`).press("Enter");
  await expect(outlineB.first()).toHaveText("Summary");

  // Alt+↓ in the body moves the section down
  await a.getByRole("textbox", { name: "Summary body" }).click();
  await a.keyboard.press("Alt+ArrowDown");
  await expect(outlineB.nth(0)).toHaveText(second);
  await expect(outlineB.nth(1)).toHaveText("Summary");

  // the section keeps its height when its editor loses the focus (and its toolbar), so a
  // button pressed meanwhile does not move away from under the pointer
  const card = a.locator("section[data-section-key]", { has: a.getByRole("textbox", { name: "Summary body" }) });
  await expect(a.getByRole("toolbar", { name: "Formatting for Summary" })).toBeVisible();
  const focusedHeight = await card.evaluate((el) => el.getBoundingClientRect().height);
  await a.getByRole("textbox", { name: "Summary body" }).evaluate((el) => (el as HTMLElement).blur());
  await expect(a.getByRole("toolbar", { name: "Formatting for Summary" })).toHaveCount(0);
  expect(await card.evaluate((el) => el.getBoundingClientRect().height)).toBe(focusedHeight);
  // no empty line is kept above the text for the toolbar: the text starts right under what is
  // above it, and stays there when the toolbar comes back
  const summaryBody = a.getByRole("textbox", { name: "Summary body" });
  // within its card: a click may scroll the page
  const textTop = () => summaryBody.evaluate((el) => el.getBoundingClientRect().top - el.closest("section")!.getBoundingClientRect().top);
  const gapAbove = await summaryBody.evaluate((el) => {
    const box = el.closest("section")!.querySelector(".sw-section-body")!;
    return el.getBoundingClientRect().top - box.previousElementSibling!.getBoundingClientRect().bottom;
  });
  expect(gapAbove).toBeLessThan(32);
  const blurredTop = await textTop();
  await summaryBody.click();
  await expect(a.getByRole("toolbar", { name: "Formatting for Summary" })).toBeVisible();
  expect(await textTop()).toBe(blurredTop);

  // moved up from the menu, then down again with the keyboard alone: the menu opens on the
  // first action it offers ("Move up" is off for the first section), ↓ goes to "Move down"
  const actions = a.getByRole("button", { name: "Actions for section Summary" });
  await actions.click();
  await a.getByRole("menuitem", { name: "Move up" }).click();
  await expect(outlineB.nth(0)).toHaveText("Summary");
  await expect(a.getByRole("menu")).toHaveCount(0);
  await actions.focus();
  await a.keyboard.press("Enter");
  await expect(a.getByRole("menuitem", { name: "Move up" })).toBeDisabled();
  await expect(a.getByRole("menuitem", { name: "Rename" })).toBeFocused();
  await a.keyboard.press("ArrowDown");
  await expect(a.getByRole("menuitem", { name: "Move down" })).toBeFocused();
  await a.keyboard.press("Enter");
  await expect(outlineB.nth(1)).toHaveText("Summary");
  await expect(actions).toBeFocused();

  await actions.click();
  await a.getByRole("menuitem", { name: "Delete" }).click();
  await expect(b.getByRole("navigation", { name: "Outline" }).getByRole("link", { name: "Summary" })).toHaveCount(0);
  await a.getByRole("button", { name: "Undo" }).click();
  await expect(outlineB.nth(1)).toHaveText("Summary");

  await a.getByLabel("Title", { exact: true }).fill("Rollout risks");
  await a.getByRole("button", { name: "Add section" }).click();
  await expect(outlineB.last()).toHaveText("Rollout risks");
  await b.getByRole("navigation", { name: "Outline" }).getByRole("link", { name: "Rollout risks" }).click();
  await expect(b.getByRole("textbox", { name: "Rollout risks body" })).toBeVisible();

  // dragged in the outline onto the upper half of the first entry: it becomes the first section
  const outlineA = a.getByRole("navigation", { name: "Outline" }).getByRole("link");
  await outlineA.last().dragTo(outlineA.first(), { targetPosition: { x: 10, y: 2 } });
  await expect(outlineB.first()).toHaveText("Rollout risks");
  // the second card dragged by its handle onto the top of the first: it goes before it
  const cards = a.locator("section[data-section-key]");
  await cards.first().scrollIntoViewIfNeeded();
  await a.getByRole("img", { name: `Drag to reorder ${second}` }).dragTo(cards.first(), { targetPosition: { x: 20, y: 10 } });
  await expect(outlineB.nth(1)).toHaveText("Rollout risks");
  await expect(outlineB.first()).toHaveText(second);
});

test("typing / offers every block and inserts the chosen one", async ({ browser }) => {
  const { a, b } = await twoEditors(browser);
  const body = a.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await a.keyboard.press("End");
  await a.keyboard.press("Enter");
  await a.keyboard.type("/");
  const menu = a.getByRole("listbox", { name: "Insert block" });
  await expect(menu.getByRole("option")).toHaveCount(12);
  // the arrows keep the chosen block in sight, down to the last one (the list scrolls)
  await a.keyboard.press("ArrowUp");
  await expect(menu.getByRole("option").last()).toHaveAttribute("aria-selected", "true");
  await expect(menu.getByRole("option").last()).toBeInViewport();
  await a.keyboard.press("ArrowDown");
  await expect(menu.getByRole("option").first()).toBeInViewport();
  await a.keyboard.type("task");
  await expect(menu.getByRole("option")).toHaveCount(1);
  await expect(menu.getByRole("option", { name: "Task list" })).toHaveAccessibleDescription("Items to tick off");
  await a.keyboard.press("Enter");
  await expect(menu).toHaveCount(0);
  await a.keyboard.type("Write the rollout plan");
  await expect(b.getByRole("textbox", { name: "Overview body" }).locator("ul[data-type=taskList]")).toContainText("Write the rollout plan");

  // a "/" inside a word is text; Escape closes the menu, and it stays closed while typing goes on
  await a.keyboard.type(" and/or");
  await expect(menu).toHaveCount(0);
  await a.keyboard.type(" /ta");
  await expect(menu.getByRole("option", { name: "Task list" })).toBeVisible();
  await a.screenshot({ path: test.info().outputPath("slash-menu.png") });
  await a.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await a.keyboard.type("ble");
  await expect(menu).toHaveCount(0);
  await expect(body).toContainText("Write the rollout plan and/or /table");
});

test("typing @ offers the workspace's members; the one chosen is mentioned and finds it in their inbox", async ({ browser }) => {
  const { a, b, url, slug } = await twoEditors(browser);
  // a viewer joins the workspace by invitation
  const email = uniqueEmail("mira");
  const invite = (await (await a.request.post(`/api/workspaces/${slug}/invites`, { data: { email, role: "viewer" } })).json()) as { invite: { path: string } };
  const mira = await (await browser.newContext()).newPage();
  expect((await mira.request.post("/api/signup", { headers: signUpFrom(), data: { name: "Mira Quill", email, password: PASSWORD, inviteToken: invite.invite.path.split("/").pop() } })).status()).toBe(201);
  expect((await signInByApi(mira.request, email)).status()).toBe(200);
  await a.reload();

  const body = a.getByRole("textbox", { name: "Overview body" });
  await expect(body).toHaveAttribute("contenteditable", "true");
  await body.click();
  await a.keyboard.press("End");
  await a.keyboard.press("Enter");
  await a.keyboard.type("Ask @qu");
  const menu = a.getByRole("listbox", { name: "Mention someone" });
  await expect(menu.getByRole("option")).toHaveText(["Mira QuillMention them: they are notified"]);
  await a.screenshot({ path: test.info().outputPath("mention-menu.png") });
  await a.keyboard.press("Enter");
  await expect(menu).toHaveCount(0);
  await a.keyboard.type("about limits.");
  await expect(body.locator("[data-type=mention]")).toHaveText("@Mira Quill");
  await expect(body).toContainText("Ask @Mira Quill about limits.");
  // an "@" in an address is text
  await a.keyboard.type(" Mail ops@example.com");
  await expect(menu).toHaveCount(0);
  await expect(b.getByRole("textbox", { name: "Overview body" }).locator("[data-type=mention]")).toHaveText("@Mira Quill");
  await expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // Mira finds the mention in the inbox, and it opens the section
  await mira.goto("/inbox");
  await mira.getByRole("list", { name: "Notifications" }).getByRole("link", { name: "Wren mentioned you in “Live doc”, section “Overview”" }).click();
  await mira.waitForURL(new RegExp(`${url}#section-overview$`));
  await expect(mira.locator("section#section-overview [data-type=mention]")).toHaveText("@Mira Quill");
});

test("Markdown typed at the start of a line and around words becomes formatting; tasks are ticked", async ({ browser }) => {
  const { a, b } = await twoEditors(browser);
  const body = a.getByRole("textbox", { name: "Overview body" });
  const bodyB = b.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await a.keyboard.press("ControlOrMeta+a");
  await a.keyboard.press("Delete");
  await a.keyboard.type("### Rollout\n- first step\nsecond step\n\n1. one\n\n> quoted\n\n");
  await a.keyboard.type("- [x] shipped\n\n[ ] open task\n\n```ts\nconst x = 1;");
  await a.keyboard.press("ControlOrMeta+Enter");
  await a.keyboard.type("**bold** and *italic* and ~~gone~~ and `code` ");
  await a.keyboard.press("ControlOrMeta+b");
  await a.keyboard.type("keyed");
  await a.keyboard.press("ControlOrMeta+b");
  await a.keyboard.press("Enter");
  await a.keyboard.type("---");
  // the toolbar's shortcuts (tiptap's own: a heading, a task list, italic)
  await a.keyboard.type("Keyed heading");
  await a.keyboard.press("ControlOrMeta+Alt+4");
  await a.keyboard.press("Enter");
  await a.keyboard.type("keyed task ");
  await a.keyboard.press("ControlOrMeta+Shift+9");
  await a.keyboard.press("ControlOrMeta+i");
  await a.keyboard.type("soon");

  await expect(bodyB.locator("h4")).toHaveText("Keyed heading");
  await expect(bodyB.locator("li[data-type=taskItem]").filter({ hasText: "keyed task" })).toHaveAttribute("data-checked", "false");
  await expect(bodyB.locator("li[data-type=taskItem] em")).toHaveText("soon");
  await expect(bodyB.locator("h3")).toHaveText("Rollout");
  await expect(bodyB.locator("ul:not([data-type]) > li")).toHaveText(["first step", "second step"]);
  await expect(bodyB.locator("ol > li")).toHaveText(["one"]);
  await expect(bodyB.locator("blockquote")).toHaveText("quoted");
  await expect(bodyB.locator("pre code.language-ts")).toHaveText("const x = 1;");
  // the code block's language can be changed afterwards
  await expect(bodyB.getByRole("combobox", { name: "Code language" })).toHaveValue("ts");
  await body.getByRole("combobox", { name: "Code language" }).selectOption("python");
  await expect(bodyB.locator("pre code.language-python")).toHaveText("const x = 1;");
  await expect(bodyB.locator("strong")).toHaveText(["bold", "keyed"]);
  await expect(bodyB.locator("em")).toHaveText(["italic", "soon"]);
  await expect(bodyB.locator("s")).toHaveText("gone");
  await expect(bodyB.locator("p code")).toHaveText("code");
  await expect(bodyB.locator("hr")).toHaveCount(1);

  // "- [x] " (GitHub's task syntax) makes a done task
  await expect(bodyB.locator("li[data-type=taskItem]").filter({ hasText: "shipped" })).toHaveAttribute("data-checked", "true");

  // a task ticked in one browser is ticked in the other, and stays ticked after a reload
  const task = bodyB.locator("li[data-type=taskItem]").filter({ hasText: "open task" });
  await expect(task).toHaveAttribute("data-checked", "false");
  await body.locator("li[data-type=taskItem]").filter({ hasText: "open task" }).getByRole("checkbox", { name: "Done" }).check();
  await expect(task).toHaveAttribute("data-checked", "true");
  await expect(task.getByRole("checkbox", { name: "Done" })).toBeChecked();
  await expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await b.reload();
  await expect(b.getByRole("textbox", { name: "Overview body" }).locator("li[data-type=taskItem]").filter({ hasText: "open task" }).getByRole("checkbox", { name: "Done" })).toBeChecked();
});

// its own journey: with the typing above, one journey took more than its minute on a loaded machine
test("Markdown pasted as text arrives as rich text", async ({ browser }) => {
  const { a, b } = await twoEditors(browser);
  const goals = a.getByRole("textbox", { name: "Goals and Non‑Goals body" });
  await goals.click();
  await a.keyboard.press("ControlOrMeta+a");
  // the converter's code is held back as on a slow network: what is typed meanwhile goes after
  // the paste, where it was typed, not before it
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await a.route("**/_next/static/chunks/**", async (route) => {
    held++;
    await released;
    await route.continue();
  });
  await pasteText(goals, "## Plan\n\n- one\n- **two** with [docs](https://docs.example.com/)\n\n| Owner | Due |\n| --- | --- |\n| Ana | May |\n");
  await expect.poll(() => held).toBeGreaterThan(0);
  await a.keyboard.type("Typed while it loads.");
  await expect(goals).toHaveText("Typed while it loads.");
  // the section says a paste is on its way
  const pasting = a.getByRole("status").filter({ hasText: /^Pasting…$/ });
  await expect(pasting).toBeVisible();
  release();
  await a.unrouteAll({ behavior: "wait" });
  await expect(pasting).toBeHidden();
  const goalsB = b.getByRole("textbox", { name: "Goals and Non‑Goals body" });
  await expect(goalsB.locator("h2")).toHaveText("Plan");
  await expect(goalsB.locator("ul > li")).toHaveText(["one", "two with docs"]);
  await expect(goalsB.locator("strong")).toHaveText("two");
  await expect(goalsB.getByRole("link", { name: "docs" })).toHaveAttribute("href", "https://docs.example.com/");
  await expect(goalsB.locator("table th")).toHaveText(["Owner", "Due"]);
  // what was typed follows the paste as if it had come at once: after the last cell's text,
  // where the caret was left (then the caret of A, labelled with its name)
  await expect(goalsB.locator("table td")).toHaveText(["Ana", /^MayTyped while it loads\./]);
  await expect(goalsB).not.toContainText("##");
});

test("tables: inserted from the toolbar, rows and columns added and removed, header row toggled", async ({ browser }) => {
  const { a, b } = await twoEditors(browser);
  const body = a.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await a.keyboard.press("End");
  await a.keyboard.press("Enter");
  const toolbar = a.getByRole("toolbar", { name: "Formatting for Overview" });
  await toolbar.getByRole("button", { name: "Insert table" }).click();
  const tableB = b.getByRole("textbox", { name: "Overview body" }).locator("table");
  await expect(tableB.locator("tr")).toHaveCount(3);
  await expect(tableB.locator("tr").first().locator("th")).toHaveCount(3);

  const tableTools = toolbar.getByRole("group", { name: "Table" });
  await tableTools.getByRole("button", { name: "Add row below" }).click();
  await expect(tableB.locator("tr")).toHaveCount(4);
  await tableTools.getByRole("button", { name: "Add column right" }).click();
  await expect(tableB.locator("tr").first().locator("th, td")).toHaveCount(4);
  await tableTools.getByRole("button", { name: "Delete column" }).click();
  await expect(tableB.locator("tr").first().locator("th, td")).toHaveCount(3);
  await a.keyboard.type("Owner");
  await expect(tableB.locator("th").filter({ hasText: "Owner" })).toHaveCount(1);
  // the caret is in the header row: it becomes an ordinary row, then a header again
  await expect(tableTools.getByRole("button", { name: "Header row" })).toHaveAttribute("aria-pressed", "true");
  await tableTools.getByRole("button", { name: "Header row" }).click();
  await expect(tableB.locator("th")).toHaveCount(0);
  await tableTools.getByRole("button", { name: "Header row" }).click();
  await expect(tableB.locator("tr").first().locator("th")).toHaveCount(3);
  await expect(tableB.locator("th").filter({ hasText: "Owner" })).toHaveCount(1);
  await tableTools.getByRole("button", { name: "Delete row" }).click();
  await expect(tableB.locator("tr")).toHaveCount(3);
  await tableTools.getByRole("button", { name: "Delete table" }).click();
  await expect(tableB).toHaveCount(0);
  // outside a table the table tools are gone
  await expect(tableTools).toHaveCount(0);
});

test("links: an address typed or pasted becomes a link, Ctrl+K links a selection, unsafe addresses are refused", async ({ browser }) => {
  const { a, b } = await twoEditors(browser);
  const body = a.getByRole("textbox", { name: "Overview body" });
  const bodyB = b.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await a.keyboard.press("End");
  await a.keyboard.press("Enter");
  await a.keyboard.type("Spec at https://example.com/spec and more");
  await expect(bodyB.getByRole("link", { name: "https://example.com/spec" })).toHaveAttribute("href", "https://example.com/spec");
  await expect(bodyB).toContainText("https://example.com/spec and more");

  // a pasted address
  await a.keyboard.press("Enter");
  await pasteText(body, "see www.example.org/rfc today");
  await expect(bodyB.getByRole("link", { name: "www.example.org/rfc" })).toHaveAttribute("href", "https://www.example.org/rfc");

  // a file name is not an address, though ".md" is a country's domain
  await a.keyboard.press("End");
  await a.keyboard.type(" and README.md next");
  await expect(bodyB).toContainText("today and README.md next");
  await expect(bodyB.getByRole("link", { name: "README.md" })).toHaveCount(0);

  // an address pasted over selected words links them
  await a.keyboard.press("Enter");
  await a.keyboard.type("Design review");
  await a.keyboard.press("Shift+Home");
  await pasteText(body, "https://example.com/review");
  await expect(bodyB.getByRole("link", { name: "Design review" })).toHaveAttribute("href", "https://example.com/review");

  // Ctrl+K on a selected word opens the link form; a javascript: address is refused with a
  // message (the form's own behaviour is in links.spec.ts)
  await a.keyboard.press("Enter");
  await a.keyboard.type("Runbook");
  await a.keyboard.press("Shift+Home");
  await a.keyboard.press("ControlOrMeta+k");
  const address = a.getByRole("form", { name: "Link" }).getByLabel("Link address");
  await address.fill("javascript:alert(1)");
  await address.press("Enter");
  await expect(formAlert(a)).toContainText("Links must start with http://, https:// or mailto:");
  await address.fill("https://runbooks.example.com/");
  await address.press("Enter");
  await expect(bodyB.getByRole("link", { name: "Runbook" })).toHaveAttribute("href", "https://runbooks.example.com/");
  await expect(bodyB.locator('a[href^="javascript"]')).toHaveCount(0);

  // Ctrl/Cmd+click opens the link in a new tab (a plain click only places the caret)
  await a.context().route("https://runbooks.example.com/**", (route) => route.fulfill({ contentType: "text/html", body: "<title>Runbooks</title>" }));
  const [tab] = await Promise.all([a.context().waitForEvent("page"), body.getByRole("link", { name: "Runbook" }).click({ modifiers: ["ControlOrMeta"] })]);
  await expect(tab).toHaveTitle("Runbooks");
  expect(tab.url()).toBe("https://runbooks.example.com/");
});

test("a comment anchored to a sentence stays on it when text is inserted before it", async ({ browser }) => {
  const { a, b } = await twoEditors(browser);
  const body = a.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await a.keyboard.press("ControlOrMeta+a");
  const sentence = "Anchored sentence here.";
  await a.keyboard.type(`First sentence. ${sentence}`);
  for (let i = 0; i < sentence.length; i++) await a.keyboard.press("Shift+ArrowLeft");
  await a.getByRole("button", { name: "Comment on Overview" }).click();
  await a.getByLabel("New comment").fill("Is this measurable?");
  await a.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(body.locator(".sw-comment")).toHaveText(sentence);

  await body.click();
  await a.keyboard.press("ControlOrMeta+Home");
  await a.keyboard.type("Intro added before. ");
  await expect(body).toContainText(`Intro added before. First sentence. ${sentence}`);
  await expect(body.locator(".sw-comment")).toHaveText(sentence);
  // the other browser sees the thread and the highlight in the same place
  const bodyB = b.getByRole("textbox", { name: "Overview body" });
  await expect(bodyB.locator(".sw-comment")).toHaveText(sentence, { timeout: 15_000 });

  const region = b.getByRole("region", { name: "Comments on Overview" });
  await region.getByLabel("Reply").fill("Yes: p95 under 100 ms.");
  await region.getByRole("button", { name: "Reply" }).click();
  await expect(region).toContainText("Yes: p95 under 100 ms.");
  await a.getByRole("region", { name: "Comments on Overview" }).getByRole("button", { name: "Resolve" }).click({ timeout: 15_000 });
  await expect(body.locator(".sw-comment")).toHaveCount(0);
});
