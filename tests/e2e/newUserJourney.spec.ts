import { expect, test, type Browser, type Page } from "./fixtures";
import { BUILTIN_TEMPLATES } from "../../lib/templates/builtins";
import { PASSWORD, reviewPanel, signInByApi, signUpFrom, signUpInUi, statusBar, uniqueEmail } from "./support";

// Issue 18, "Done when": one new user, start to finish through the page. Only the second
// member (the reviewer) is set up through the API: their own sign-up has a journey of its own.

const TEMPLATE = BUILTIN_TEMPLATES.find((t) => t.key === "technical-design")!;
const TITLE = "Ledger service design";
const RUNBOOK = "https://runbooks.example.com/ledger";

/** A member invited as an editor, signed up and signed in, in a browser of their own. */
async function invitedMember(browser: Browser, owner: Page, slug: string, name: string): Promise<Page> {
  const email = uniqueEmail(name);
  const invite = (await (await owner.request.post(`/api/workspaces/${slug}/invites`, { data: { email, role: "editor" } })).json()) as { invite: { path: string } };
  const page = await (await browser.newContext()).newPage();
  const signup = await page.request.post("/api/signup", { headers: signUpFrom(), data: { name, email, password: PASSWORD, inviteToken: invite.invite.path.split("/").pop() } });
  expect(signup.status(), await signup.text()).toBe(201);
  expect((await signInByApi(page.request, email)).status()).toBe(200);
  return page;
}

test("a new user writes a document from a template, gets it reviewed and approved, and compares its versions", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  owner.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // 1. sign up, then New document → a template → its title, asked for first
  await signUpInUi(owner, "Nadia", uniqueEmail("nadia"));
  const slug = new URL(owner.url()).pathname.split("/")[2]!;
  const reviewer = await invitedMember(browser, owner, slug, "Rhea");
  await owner.getByRole("link", { name: "New document" }).click();
  await owner.getByRole("button", { name: `Create document from ${TEMPLATE.name}` }).click();
  const newDocument = owner.getByRole("form", { name: `New document from ${TEMPLATE.name}` });
  await expect(newDocument.getByLabel("Title")).toBeFocused();
  await owner.keyboard.type(TITLE);
  await newDocument.getByRole("button", { name: "Create", exact: true }).click();
  await owner.waitForURL(/\/d\/[a-z0-9]+$/);
  const url = new URL(owner.url()).pathname;
  const documentId = url.split("/").at(-1)!;
  await expect(owner.getByLabel("Document title")).toHaveValue(TITLE);
  await expect(owner.getByRole("navigation", { name: "Outline" }).getByRole("link")).toHaveText(TEMPLATE.sections.map((s) => s.title));

  // 2. the Overview in own words, with a link made in the link form and a code block typed as Markdown
  const overview = owner.getByRole("textbox", { name: "Overview body" });
  await expect(overview).toHaveAttribute("contenteditable", "true");
  await overview.click();
  await owner.keyboard.press("ControlOrMeta+a");
  await owner.keyboard.type("Payments are recorded once in the ledger.");
  await owner.keyboard.press("Enter");
  await owner.keyboard.type("See the runbook");
  await owner.keyboard.press("Shift+Home");
  await owner.keyboard.press("ControlOrMeta+k");
  const linkForm = owner.getByRole("form", { name: "Link" });
  await expect(linkForm.getByLabel("Link address")).toBeFocused();
  await linkForm.getByLabel("Link address").fill(RUNBOOK);
  await owner.keyboard.press("Enter");
  await expect(linkForm).toBeHidden();
  await owner.keyboard.press("End");
  await owner.keyboard.press("Enter");
  await owner.keyboard.type("```typescript");
  await owner.keyboard.press("Enter");
  await owner.keyboard.type("const retries = 3;");
  await expect(overview.getByRole("link")).toHaveCount(1);
  await expect(overview.getByRole("link", { name: "See the runbook" })).toHaveAttribute("href", RUNBOOK);
  await expect(overview.locator("pre code")).toHaveText("const retries = 3;");
  await expect(overview.locator("pre code .hljs-keyword").first()).toHaveText("const");
  await expect(overview.locator("pre code .hljs-number")).toHaveText("3");
  // the server holds what was typed before the review looks at it ("Saved" may be from before the last keys)
  await expect
    .poll(async () => {
      const stored = JSON.stringify(await (await owner.request.get(`/api/documents/${documentId}`)).json());
      return stored.includes("const retries = 3;") && stored.includes(RUNBOOK);
    }, { timeout: 20_000 })
    .toBe(true);

  // 3. the reviewer is picked for both roles; submit lists every problem at once, by section
  await owner.getByLabel("Add a reviewer for Technical Review").selectOption({ label: "Rhea" });
  await expect(owner.locator("tr[data-role=technical_review]")).toContainText("Rhea");
  await owner.getByLabel("Add a reviewer for Security Review").selectOption({ label: "Rhea" });
  await expect(owner.locator("tr[data-role=security_review]")).toContainText("Rhea");
  // the status bar counts what the gate would refuse before anyone presses submit
  await expect(statusBar(owner).getByRole("button", { name: /^\d+ problems before review$/ })).toBeVisible();
  // one submit on screen: the review panel's, while the panel is open
  await expect(reviewPanel(owner).getByRole("button", { name: "Submit for review" })).toBeVisible();
  await expect(owner.getByRole("button", { name: "Submit for review" })).toHaveCount(1);
  // with the panel closed the status bar offers it by the same name; it opens the panel with the answer
  await statusBar(owner).getByRole("group", { name: "Side panel" }).getByRole("button", { name: "Review" }).click();
  await expect(reviewPanel(owner)).toHaveCount(0);
  await statusBar(owner).getByRole("button", { name: "Submit for review" }).click();
  const places = TEMPLATE.sections.length - 1; // every section but the Overview just written
  await expect(owner.getByRole("list", { name: /^Problems in / })).toHaveCount(places);
  await expect(owner.getByRole("list", { name: "Problems in Overview" })).toHaveCount(0);
  await expect(owner.getByRole("list", { name: "Problems in Goals and Non\u2011Goals" }).getByRole("listitem")).toHaveText(["Replace the placeholder “[Measurable objective]”.", "Replace the placeholder “[Out of scope, and why]”."]);
  await expect(owner.getByRole("list", { name: "Problems in Quality" }).getByRole("listitem").first()).toHaveText("Fill in “Quality Level”: it is required.");
  const count = owner.getByText(/^\d+ to fix in \d+ places$/);
  await expect(count).toHaveText(new RegExp(` to fix in ${places} places$`));
  const total = Number((await count.textContent())!.split(" ")[0]);
  expect(total).toBeGreaterThan(places);
  // every one of them is on the list, not only the first
  await expect(owner.getByText(`This document cannot be submitted yet: ${total} problems to fix.`)).toBeVisible();
  await expect(owner.getByRole("list", { name: /^Problems in / }).getByRole("listitem")).toHaveCount(total);
  // "next problem" steps through them, each placeholder selected in the text
  await owner.getByRole("button", { name: "Go to the first problem" }).click();
  await expect(owner.getByText(`Problem 1 of ${total}`)).toBeVisible();
  await owner.getByRole("button", { name: "Next problem" }).click();
  await expect(owner.getByText(`Problem 2 of ${total}`)).toBeVisible();
  expect(await owner.evaluate(() => window.getSelection()?.toString())).toBe("[Out of scope, and why]");

  // 4. the owner submits anyway, with a reason
  await owner.getByRole("button", { name: "Submit anyway…" }).click();
  await owner.getByLabel(`Why submit with these ${total} problems?`).fill("The Overview is what the review is about; the rest follows.");
  await owner.getByRole("button", { name: "Submit anyway", exact: true }).click();
  await expect(owner.getByTestId("review-status")).toHaveText("In Review");
  await expect(owner.getByRole("list", { name: /^Problems in / })).toHaveCount(0);

  // 5. the reviewer comes from the inbox, sees the link and the code as written, and approves
  await reviewer.goto("/inbox");
  await reviewer.getByRole("list", { name: "Notifications" }).getByRole("link", { name: `Nadia asked you to review “${TITLE}” as Technical Review.` }).click();
  await reviewer.waitForURL(new RegExp(url));
  const shown = reviewer.getByRole("textbox", { name: "Overview body" });
  await expect(shown.getByRole("link", { name: "See the runbook" })).toHaveAttribute("href", RUNBOOK);
  await expect(shown.locator("pre code .hljs-keyword").first()).toHaveText("const");
  await reviewer.getByRole("button", { name: "Approve as Technical Review" }).click();
  await expect(reviewer.locator("tr[data-role=technical_review]")).toContainText("Approved by Rhea");
  await reviewer.getByRole("button", { name: "Approve as Security Review" }).click();
  await expect(reviewer.getByTestId("review-status")).toHaveText("Approved");
  // the owner's open page follows without a reload
  await expect(owner.getByTestId("review-status")).toHaveText("Approved", { timeout: 15_000 });
  await expect(owner.getByTestId("review-summary")).toHaveText("2 of 2 sign-offs");

  // 6. history: the version as created against the one submitted for review
  await owner.getByRole("link", { name: "History", exact: true }).click();
  await owner.waitForURL(/\/history$/);
  const versions = owner.getByRole("table", { name: "Versions" });
  await versions.getByRole("row").filter({ hasText: "Created" }).getByRole("radio", { name: /^Compare from v\d+$/ }).check();
  await versions.getByRole("row").filter({ hasText: "In Review" }).getByRole("radio", { name: /^Compare to v\d+$/ }).check();
  await owner.getByRole("button", { name: "Compare" }).click();
  await owner.waitForURL(/history\?from=\d+&to=\d+$/);
  const diff = owner.getByTestId("version-diff");
  await expect(diff.getByRole("status")).toHaveText("1 section changed");
  // the one changed section is a card; the others are one folded line, not cards
  await expect(diff.getByRole("region")).toHaveCount(1);
  const changed = diff.getByRole("region", { name: "Overview (changed)" });
  await expect(changed.locator("ins").filter({ hasText: "recorded once in the ledger" })).toHaveCount(1);
  await expect(changed.locator("ins").filter({ hasText: "See the runbook" })).toHaveCount(1);
  await expect(changed).toContainText("const retries = 3;");
  await expect(diff.getByTestId("unchanged-sections").locator("summary")).toContainText(`${places} unchanged sections`);
  await expect(diff.getByRole("region", { name: "Quality (unchanged)" })).toBeHidden();
  expect(dialogs).toEqual([]);
});
