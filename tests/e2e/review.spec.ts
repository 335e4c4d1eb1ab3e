import { expect, test, type Browser, type Page } from "./fixtures";
import { documentFromDefinition, PASSWORD, reviewPanel, signInAs, signInByApi, signUpAs, signUpFrom, statusBar, uniqueEmail } from "./support";

const DEFINITION = {
  name: "Payments review",
  description: "Two sections, two sign-off roles",
  titlePattern: "Webhook retries",
  sections: [
    { key: "design", title: "Design", depth: 1, starter: "We retry webhooks with backoff." },
    { key: "security", title: "Security", depth: 1, starter: "Threats: [List the threats]. Mitigations: [List the mitigations]" },
  ],
  signoffRoles: [
    { key: "tech_lead", name: "Technical Lead", scope: [] },
    { key: "security_review", name: "Security Review", scope: ["security"] },
  ],
};

async function reviewer(browser: Browser, owner: Page, slug: string, name: string): Promise<Page> {
  const email = uniqueEmail(name);
  const invite = (await (await owner.request.post(`/api/workspaces/${slug}/invites`, { data: { email, role: "editor" } })).json()) as { invite: { path: string } };
  const page = await (await browser.newContext()).newPage();
  const signup = await page.request.post("/api/signup", { headers: signUpFrom(), data: { name, email, password: PASSWORD, inviteToken: invite.invite.path.split("/").pop() } });
  expect(signup.status()).toBe(201);
  await signInAs(page, email);
  return page;
}

async function rewrite(page: Page, section: string, text: string) {
  const body = page.getByRole("textbox", { name: `${section} body` });
  // after a reload the section shows its stored text before its editor takes over: keys typed
  // before then go nowhere
  await expect(body).toHaveAttribute("contenteditable", "true");
  await body.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
  // "Saved" may still show from before the last keystrokes left: wait until the server has stored them
  const documentId = new URL(page.url()).pathname.split("/").pop();
  await expect
    .poll(async () => JSON.stringify(await (await page.request.get(`/api/documents/${documentId}`)).json()), { timeout: 20_000 })
    .toContain(text);
}

test("a document goes through review: blocked submit, approvals, stale approval, Approved, back to In Review", async ({ browser }) => {
  test.setTimeout(180_000);
  const author = await (await browser.newContext()).newPage();
  const slug = await signUpAs(author, "Ana", uniqueEmail("ana"));

  // a small template with a scoped Security Review (set up through the API)
  const doc = await documentFromDefinition(author, slug, DEFINITION);
  const a = await reviewer(browser, author, slug, "Sec");
  const b = await reviewer(browser, author, slug, "Lead");
  const url = `/w/${slug}/d/${doc.id}`;

  await author.goto(url);
  // on a draft the next step is Submit; withdrawing waits behind "more actions"
  await expect(reviewPanel(author).getByRole("button", { name: "Submit for review" })).toBeVisible();
  await expect(author.getByRole("button", { name: "Withdraw" })).toBeHidden();
  await author.getByLabel("More review actions").click();
  await expect(author.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await author.getByLabel("More review actions").click();
  // each assignment shows once the server answered (the select offers the same names before)
  await author.getByLabel("Add a reviewer for Security Review").selectOption({ label: "Sec" });
  await expect(author.locator("tr[data-role=security_review]").getByTestId("no-reviewer")).toHaveCount(0);
  await expect(author.locator("tr[data-role=security_review]")).toContainText("Sec");
  await author.getByLabel("Add a reviewer for Technical Lead").selectOption({ label: "Lead" });
  await expect(author.locator("tr[data-role=tech_lead]").getByTestId("no-reviewer")).toHaveCount(0);
  await expect(author.locator("tr[data-role=tech_lead]")).toContainText("Lead");

  // a placeholder is left: the submit is stopped with the problem listed
  await reviewPanel(author).getByRole("button", { name: "Submit for review" }).click();
  // every placeholder at once, grouped by section, and "next problem" selects each in turn
  const security = author.getByRole("list", { name: "Problems in Security" });
  await expect(security.getByRole("listitem")).toHaveText(["Replace the placeholder “[List the threats]”.", "Replace the placeholder “[List the mitigations]”."]);
  await author.getByRole("button", { name: "Go to the first problem" }).click();
  await expect(author.getByText("Problem 1 of 2")).toBeVisible();
  await author.getByRole("button", { name: "Next problem" }).click();
  await expect(author.getByText("Problem 2 of 2")).toBeVisible();
  expect(await author.evaluate(() => window.getSelection()?.toString())).toBe("[List the mitigations]");
  // the document's owner may submit anyway, with a reason (required)
  await author.getByRole("button", { name: "Submit anyway…" }).click();
  await author.getByRole("button", { name: "Submit anyway", exact: true }).click();
  await expect(author.getByText("Write a reason: it is kept in the activity log.")).toBeVisible();
  await author.getByLabel("Why submit with these 2 problems?").fill("The threat model is linked from the design.");
  await author.getByRole("button", { name: "Submit anyway", exact: true }).click();
  await expect(author.getByTestId("review-status")).toHaveText("In Review");

  // the reviewer finds the request in the inbox
  await a.goto("/inbox");
  await expect(a.getByRole("link", { name: /^Inbox \d+ unread$/ })).toBeVisible();
  // the inbox keeps the way back: the workspace the reviewer was in, with its pages
  await expect(a.getByLabel("Switch workspace")).toHaveValue(slug);
  await expect(a.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Documents" })).toHaveAttribute("href", `/w/${slug}`);
  await a.getByRole("list", { name: "Notifications" }).getByRole("link", { name: /asked you to review “Webhook retries” as Security Review/ }).click();
  await a.waitForURL(new RegExp(url));
  // the activity log is for admins (activity.view); an editor follows the review itself
  await expect(a.getByRole("button", { name: "Approve as Security Review" })).toBeVisible();
  await expect(a.getByText("Activity", { exact: true })).toHaveCount(0);
  await a.getByRole("button", { name: "Approve as Security Review" }).click();
  await expect(a.locator("tr[data-role=security_review]")).toContainText("Approved by Sec");
  await b.goto(url);
  await b.getByLabel("Comment with your decision").fill("Say how retries back off.");
  await b.getByRole("button", { name: "Request changes as Technical Lead" }).click();
  await expect(b.getByTestId("review-status")).toHaveText("Changes Requested");

  // the author edits the security section: the Security Review approval is stale
  await author.reload();
  await rewrite(author, "Security", "Threats: replayed webhooks; signatures are verified.");
  await expect(author.locator("tr[data-role=security_review]")).toContainText("stale", { timeout: 20_000 });

  await reviewPanel(author).getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByTestId("review-status")).toHaveText("In Review");
  await a.reload();
  await a.getByRole("button", { name: "Approve as Security Review" }).click();
  // on a busy machine the first approval can still be on its way when the second is given
  await expect(a.locator("tr[data-role=security_review]")).toContainText("Approved by Sec", { timeout: 20_000 });
  await b.reload();
  await b.getByRole("button", { name: "Approve as Technical Lead" }).click();
  await expect(b.getByTestId("review-status")).toHaveText("Approved");

  // one more edit returns it to In Review
  await author.reload();
  await expect(author.getByTestId("review-status")).toHaveText("Approved");
  await rewrite(author, "Design", "We retry webhooks with exponential backoff.");
  await expect(author.getByTestId("review-status")).toHaveText("In Review", { timeout: 20_000 });

  await author.getByRole("complementary", { name: "Document panel" }).getByRole("tab", { name: "Activity" }).click();
  const log = author.getByRole("list", { name: "Activity" });
  await expect(log).toContainText("submitting it despite 2 problems: “The threat model is linked from the design.”");
  // people, roles and statuses in words, never keys
  await expect(log).toContainText("asked Sec to review as Security Review");
  await expect(log).toContainText("requested changes as Technical Lead");
  await expect(log).toContainText("marked Sec’s Security Review decision stale");
  await expect(log).toContainText("moved it from In Review to Approved");
  await expect(log).toContainText("moved it from Approved to In Review");
});

test("the status bar counts what the submit gate would refuse as the text changes, and leads to the list", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await (await browser.newContext()).newPage();
  const slug = await signUpAs(author, "Uma", uniqueEmail("uma"));
  const doc = await documentFromDefinition(author, slug, DEFINITION);
  await author.goto(`/w/${slug}/d/${doc.id}`);

  // before anyone presses submit: the two placeholders of the Security section
  const bar = statusBar(author);
  const count = bar.getByRole("button", { name: /before review$/ });
  await expect(count).toHaveText("2 problems before review");
  await count.click();
  await expect(reviewPanel(author).getByRole("list", { name: "Problems in Security" }).getByRole("listitem")).toHaveCount(2);
  await expect(reviewPanel(author).getByRole("button", { name: "Go to the first problem" })).toBeFocused();

  // the count follows the text as it is stored
  await rewrite(author, "Security", "Threats: replayed webhooks. Mitigations: [List the mitigations]");
  await expect(count).toHaveText("1 problem before review", { timeout: 15_000 });
  await expect(reviewPanel(author).getByRole("list", { name: "Problems in Security" }).getByRole("listitem")).toHaveText(["Replace the placeholder “[List the mitigations]”."]);
  await rewrite(author, "Security", "Threats: replayed webhooks. Mitigations: signed payloads.");
  await expect(count).toHaveCount(0, { timeout: 15_000 });
  await expect(reviewPanel(author).getByRole("list", { name: /^Problems in / })).toHaveCount(0);

  // nothing left: with the panel closed, the status bar's submit goes through (and opens the panel)
  await expect(bar.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  await bar.getByRole("group", { name: "Side panel" }).getByRole("button", { name: "Review" }).click();
  await bar.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByTestId("review-status")).toHaveText("In Review");
  await expect(bar.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
});

test("the author edits the document's own sign-off roles: renames one and adds one scoped to a section", async ({ browser }) => {
  const author = await (await browser.newContext()).newPage();
  const slug = await signUpAs(author, "Ada", uniqueEmail("ada"));
  const doc = await documentFromDefinition(author, slug, DEFINITION);
  await author.goto(`/w/${slug}/d/${doc.id}`);

  await author.getByText("Edit sign-off roles").click();
  await author.getByLabel("Role", { exact: true }).first().fill("Tech Lead (payments)");
  await author.getByRole("button", { name: "Add role" }).click();
  await author.getByLabel("Role", { exact: true }).last().fill("DBA");
  await author.getByLabel("Covers (none selected: the whole document)").last().selectOption(["design"]);
  await author.getByRole("button", { name: "Save roles" }).click();

  const table = author.getByRole("table", { name: "Sign-off" });
  await expect(table).toContainText("Tech Lead (payments)");
  await expect(table.locator("tr[data-role=role_dba]")).toContainText("covers Design");
  // stored for this document only: the template keeps its roles
  const review = (await (await author.request.get(`/api/documents/${doc.id}/review`)).json()) as { roles: { name: string }[] };
  expect(review.roles.map((r) => r.name)).toEqual(["Tech Lead (payments)", "Security Review", "DBA"]);
  const template = (await (await author.request.get(`/api/workspaces/${slug}/templates/${doc.templateId}`)).json()) as { definition: { signoffRoles: { name: string }[] } };
  expect(template.definition.signoffRoles.map((r) => r.name)).toEqual(["Technical Lead", "Security Review"]);
});

test("the document's sign-off section shows each decision live, with its version", async ({ browser }) => {
  const author = await (await browser.newContext()).newPage();
  const slug = await signUpAs(author, "Noor", uniqueEmail("noor"));
  const templates = (await (await author.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const templateId = templates.find((t) => t.key === "design-document-metadata")!.id;
  const doc = (await (await author.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId, title: "Ledger export" } })).json()) as { id: string };
  const lead = await reviewer(browser, author, slug, "Kai");
  const leadId = ((await (await lead.request.get("/api/me")).json()) as { user: { id: string } }).user.id;
  expect((await author.request.post(`/api/documents/${doc.id}/review/assign`, { data: { roleKey: "technical_lead", reviewerId: leadId } })).status()).toBe(200);
  expect((await author.request.post(`/api/documents/${doc.id}/review/submit`, { data: { overrideReason: "Starter text is fine for this check." } })).status()).toBe(200);

  await author.goto(`/w/${slug}/d/${doc.id}`);
  // the template's own Status field shows the workflow status, read-only: one status, not two
  const status = author.getByRole("group", { name: "Fields of Metadata" }).getByLabel("Status", { exact: true });
  await expect(status).toHaveValue("In Review");
  await expect(status).not.toBeEditable();
  const signoffs = author.locator("#section-approval").getByRole("table", { name: "Sign-offs recorded" });
  await expect(signoffs).toContainText("No decisions yet");
  // the reviewer decides elsewhere: the author's open page shows it without a reload
  expect((await lead.request.post(`/api/documents/${doc.id}/review/decision`, { data: { roleKey: "technical_lead", decision: "approved" } })).status()).toBe(200);
  const row = signoffs.getByRole("row", { name: /Kai/ });
  await expect(row).toContainText("Technical Lead");
  await expect(row).toContainText("Approved");
  await expect(row).toContainText(/v\d+/);

  // a tab in the background asks the server nothing; shown again, it asks at once
  const polls: string[] = [];
  const isPoll = (url: string) => url.includes(`/api/documents/${doc.id}/review`) || url.includes(`/api/documents/${doc.id}/comments`);
  author.on("request", (r) => {
    if (r.method() === "GET" && isPoll(r.url())) polls.push(r.url());
  });
  const setVisibility = (state: "hidden" | "visible") =>
    author.evaluate((s) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  await author.waitForTimeout(1_000); // a check already under way may still answer
  polls.length = 0;
  await author.waitForTimeout(6_000); // longer than both checks' intervals (4 s and 5 s)
  expect(polls).toEqual([]);
  await Promise.all([author.waitForRequest((r) => r.method() === "GET" && isPoll(r.url())), setVisibility("visible")]);
});

test("review routes check permissions and the status rules", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const email = uniqueEmail("rita");
  expect((await api.post("/api/signup", { headers: signUpFrom(), data: { name: "Rita", email, password: PASSWORD } })).status()).toBe(201);
  await signInByApi(api, email);
  const me = (await (await api.get("/api/me")).json()) as { workspaces: { slug: string }[] };
  const slug = me.workspaces[0]!.slug;
  const templates = (await (await api.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const doc = (await (await api.post(`/api/workspaces/${slug}/documents`, { data: { templateId: templates.find((t) => t.key === "design-document-metadata")!.id } })).json()) as { id: string };
  const blocked = await api.post(`/api/documents/${doc.id}/review/submit`, { data: {} });
  expect(blocked.status()).toBe(409);
  expect(((await blocked.json()) as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
  expect((await api.post(`/api/documents/${doc.id}/status`, { data: { action: "markImplemented" } })).status()).toBe(409);
  expect((await api.post(`/api/documents/${doc.id}/review/decision`, { data: { roleKey: "technical_lead", decision: "maybe" } })).status()).toBe(400);
  // whether a role waits for a reviewer is yes or no; anything else changes nothing
  expect((await api.put(`/api/documents/${doc.id}/review/roles`, { data: { roles: [{ name: "DBA", scope: [], blocksWithoutReviewer: "yes" }] } })).status()).toBe(400);
  const review = (await (await api.get(`/api/documents/${doc.id}/review`)).json()) as { roles: { name: string; blocksWithoutReviewer: boolean }[] };
  expect(review.roles.map((r) => r.name)).not.toContain("DBA");
  expect(review.roles.every((r) => r.blocksWithoutReviewer === false)).toBe(true);
  await api.dispose();
});

test("a role the template says needs a reviewer stops submit until one is assigned; changes since a decision keep their bullets", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await (await browser.newContext()).newPage();
  const slug = await signUpAs(author, "Ines", uniqueEmail("ines"));
  const roles = [DEFINITION.signoffRoles[0]!, { ...DEFINITION.signoffRoles[1]!, blocksWithoutReviewer: true }];
  const sections = [DEFINITION.sections[0]!, { key: "security", title: "Security", depth: 1, starter: "Threats: replayed webhooks." }];
  const doc = await documentFromDefinition(author, slug, { ...DEFINITION, sections, signoffRoles: roles });
  await author.goto(`/w/${slug}/d/${doc.id}`);

  // both roles are flagged; only the blocking one says submit waits
  await expect(author.locator("tr[data-role=tech_lead]")).toContainText("No reviewer assigned");
  await expect(author.locator("tr[data-role=security_review]")).toContainText("Submit for review waits until someone is assigned.");
  await reviewPanel(author).getByRole("button", { name: "Submit for review" }).click();
  const problems = author.getByRole("list", { name: "Problems in Reviewers" });
  await expect(problems.getByRole("listitem")).toHaveText(["Assign a reviewer for Security Review: this role needs one before review."]);
  // its link leads to the role's reviewer picker
  await problems.getByRole("link").click();
  await expect(author.getByLabel("Add a reviewer for Security Review")).toBeFocused();
  await author.getByLabel("Add a reviewer for Security Review").selectOption({ label: "Ines" });
  await expect(author.locator("tr[data-role=security_review]")).not.toContainText("No reviewer assigned");
  // the Technical Lead only warns: submit goes through without one, and says who is missing
  await reviewPanel(author).getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByTestId("review-status")).toHaveText("In Review");
  await expect(author.getByRole("status").filter({ hasText: "Submitted for review." })).toHaveText("Submitted for review. Nobody is assigned to approve as Technical Lead yet: assign a reviewer below.");

  await author.getByRole("button", { name: "Approve as Security Review" }).click();
  await expect(author.locator("tr[data-role=security_review]")).toContainText("Approved by Ines");
  const body = author.getByRole("textbox", { name: "Security body" });
  await body.click();
  await author.keyboard.press("End");
  await author.keyboard.press("Enter");
  await author.keyboard.type("- signatures are checked");
  await expect(author.locator("tr[data-role=security_review]")).toContainText("stale", { timeout: 20_000 });
  await author.reload();
  const changes = author.getByTestId("changes-since");
  await changes.locator("summary").click();
  await expect(changes.locator("li[data-format=bullet] ins")).toHaveText("signatures are checked");
});
