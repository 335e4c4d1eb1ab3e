import type { APIRequest, Browser } from "@playwright/test";
import { expect, test, type Page } from "./fixtures";
import { documentFromDefinition, invitedMember, signUpByApi, uniqueEmail } from "./support";

const DEFINITION = {
  key: "suggestions",
  name: "Suggestion test",
  description: "Two sections, one sign-off role each",
  titlePattern: "Webhook intake",
  sections: [
    { key: "design", title: "Design", depth: 1, starter: "Webhooks are queued before they are handled." },
    { key: "security", title: "Security", depth: 1, starter: "Threats: replayed webhooks." },
  ],
  signoffRoles: [
    { key: "tech_lead", name: "Technical Lead", scope: ["design"] },
    { key: "security_review", name: "Security Review", scope: ["security"] },
  ],
};

/** Olive's workspace with a document imported from `markdown`, and Eli, an editor there, both signed in. */
async function oliveAndEli({ browser, playwright, baseURL }: { browser: Browser; playwright: { request: APIRequest }; baseURL: string | undefined }, markdown: string) {
  const olive = await (await browser.newContext()).newPage();
  const { workspace } = await signUpByApi(olive.request, "Olive", uniqueEmail("olive"));
  const slug = workspace.slug;
  const imported = await olive.request.post(`/api/workspaces/${slug}/import`, { data: { markdown } });
  expect(imported.status(), await imported.text()).toBe(201);
  const docId = ((await imported.json()) as { document: { id: string } }).document.id;
  const { page: eli } = await invitedMember(browser, playwright, baseURL, { owner: olive, slug, name: "Eli", role: "editor" });
  return { olive, eli, docId, url: `/w/${slug}/d/${docId}` };
}

/** Which roles hold a current approval. */
async function approved(page: Page, documentId: string): Promise<Record<string, boolean>> {
  const review = (await (await page.request.get(`/api/documents/${documentId}/review`)).json()) as { roles: { key: string; approved: boolean }[] };
  return Object.fromEntries(review.roles.map((r) => [r.key, r.approved]));
}

test("a reviewer suggests, the author accepts one and rejects another; approvals bind to the accepted text; a newer document supersedes it", async ({ browser, playwright, baseURL }) => {
  // Olive owns the document; Vera is a viewer of the workspace, assigned as its security reviewer
  const olive = await (await browser.newContext()).newPage();
  const { workspace, user: oliveUser } = await signUpByApi(olive.request, "Olive", uniqueEmail("olive"));
  const slug = workspace.slug;
  const doc = await documentFromDefinition(olive, slug, DEFINITION);
  const { page: vera, id: veraId } = await invitedMember(browser, playwright, baseURL, { owner: olive, slug, name: "Vera", role: "viewer" });

  for (const [roleKey, reviewerId] of [["tech_lead", oliveUser.id], ["security_review", veraId]] as const) {
    expect((await olive.request.post(`/api/documents/${doc.id}/review/assign`, { data: { roleKey, reviewerId } })).status()).toBe(200);
  }
  expect((await olive.request.post(`/api/documents/${doc.id}/review/submit`, { data: { overrideReason: "Short on purpose." } })).status()).toBe(200);
  expect((await olive.request.post(`/api/documents/${doc.id}/review/decision`, { data: { roleKey: "tech_lead", decision: "approved" } })).status()).toBe(200);
  expect((await vera.request.post(`/api/documents/${doc.id}/review/decision`, { data: { roleKey: "security_review", decision: "approved" } })).status()).toBe(200);
  expect(await approved(olive, doc.id)).toEqual({ tech_lead: true, security_review: true });

  const url = `/w/${slug}/d/${doc.id}`;
  await Promise.all([olive.goto(url), vera.goto(url)]);
  await Promise.all([expect(olive.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible(), expect(vera.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible()]);
  // a reviewer who may only suggest is always suggesting; the author may choose
  await expect(vera.getByText("Suggesting", { exact: true })).toBeVisible();
  await expect(olive.getByRole("group", { name: "Editing mode" }).getByRole("button", { name: "Editing" })).toHaveAttribute("aria-pressed", "true");

  // Vera replaces a word in the security section: Olive sees the suggestion arrive, in Vera's colour
  const veraSecurity = vera.locator('section[data-section-key="security"]');
  await veraSecurity.getByText("replayed webhooks").click();
  await expect(veraSecurity.locator('[contenteditable="true"]')).toBeFocused();
  // "replayed" selected from the keyboard: the caret after it, then eight characters back
  await vera.keyboard.press("End");
  for (let i = 0; i < " webhooks.".length; i++) await vera.keyboard.press("ArrowLeft");
  for (let i = 0; i < "replayed".length; i++) await vera.keyboard.press("Shift+ArrowLeft");
  await vera.keyboard.type("forged");
  const oliveSecurity = olive.locator('section[data-section-key="security"]');
  await expect(oliveSecurity.locator("ins.sw-suggestion")).toHaveText("forged");
  await expect(oliveSecurity.locator("del.sw-suggestion")).toHaveText("replayed");
  await expect(vera.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  // open, it changes no approval, and the export holds the accepted text only
  expect(await approved(olive, doc.id)).toEqual({ tech_lead: true, security_review: true });
  const pending = await (await olive.request.get(`/api/documents/${doc.id}/export.md`)).text();
  expect(pending).toContain("Threats: replayed webhooks.");
  expect(pending).not.toContain("forged");
  // or with the open suggestions, as CriticMarkup
  expect(await (await olive.request.get(`/api/documents/${doc.id}/export.md?suggestions=criticmarkup`)).text()).toContain("Threats: {~~replayed~>forged~~} webhooks.");
  expect((await olive.request.get(`/api/documents/${doc.id}/export.md?suggestions=everything`)).status()).toBe(400);

  // anyone may discuss a suggestion: a comment thread on its text
  await oliveSecurity.locator("ins.sw-suggestion").click();
  const discuss = olive.getByRole("dialog", { name: "Suggestion by Vera" });
  if (!(await discuss.isVisible())) await oliveSecurity.locator("ins.sw-suggestion").click();
  await discuss.getByRole("button", { name: "Discuss it (a comment on its text)" }).click();
  await olive.getByLabel("New comment").fill("Forged, or also replayed?");
  await olive.getByRole("button", { name: "Comment", exact: true }).click();
  const thread = vera.getByRole("region", { name: "Comments on Security" });
  await expect(thread).toContainText("Forged, or also replayed?");
  await expect(thread).toContainText("replayed → forged");

  // Olive accepts it: the Security approval covered that section and goes stale, the Technical Lead's stays
  await oliveSecurity.locator("ins.sw-suggestion").click();
  const menu = olive.getByRole("dialog", { name: "Suggestion by Vera" });
  if (!(await menu.isVisible())) await oliveSecurity.locator("ins.sw-suggestion").click();
  await menu.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(oliveSecurity.locator(".sw-suggestion")).toHaveCount(0);
  // (Olive's copy shows Vera's caret, with her name, in the text)
  await expect(vera.locator('section[data-section-key="security"]')).toContainText("Threats: forged webhooks.");
  await expect.poll(() => approved(olive, doc.id)).toEqual({ tech_lead: true, security_review: false });
  // its discussion closed with it (the threads are asked for every 5 s)
  await expect(thread).not.toContainText("Forged, or also replayed?", { timeout: 20_000 });
  await thread.getByRole("button", { name: "Show 1 resolved" }).click();
  await expect(thread.locator("article").filter({ hasText: "Forged, or also replayed?" })).toContainText("On a suggestion, since accepted or rejected");

  // a second suggestion, in the design section, is rejected and leaves no trace
  const veraDesign = vera.locator('section[data-section-key="design"]');
  await veraDesign.getByText("queued before").click();
  await vera.keyboard.press("End");
  await vera.keyboard.type(" Twice.");
  const oliveDesign = olive.locator('section[data-section-key="design"]');
  await expect(oliveDesign.locator("ins.sw-suggestion")).toHaveText(" Twice.");
  await oliveDesign.locator("ins.sw-suggestion").click();
  const second = olive.getByRole("dialog", { name: "Suggestion by Vera" });
  if (!(await second.isVisible())) await oliveDesign.locator("ins.sw-suggestion").click();
  await second.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(oliveDesign.locator(".sw-suggestion")).toHaveCount(0);
  await expect(oliveDesign).not.toContainText("Twice");
  await expect(veraDesign).not.toContainText("Twice");
  await expect(olive.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await olive.keyboard.press("Control+s");
  const exported = await (await olive.request.get(`/api/documents/${doc.id}/export.md`)).text();
  expect(exported).toContain("Threats: forged webhooks.");
  expect(exported).not.toContain("Twice");
  expect(await approved(olive, doc.id)).toEqual({ tech_lead: true, security_review: false });

  // the author suggests in one section only: there her typing is a suggestion, elsewhere an edit
  await oliveDesign.getByText("queued before").click();
  await oliveDesign.getByRole("button", { name: "Suggest here" }).click();
  await expect(oliveDesign.getByRole("button", { name: "Suggest here" })).toHaveAttribute("aria-pressed", "true");
  await olive.keyboard.press("End");
  await olive.keyboard.type(" Daily.");
  await expect(veraDesign.locator("ins.sw-suggestion")).toHaveText(" Daily.");
  await oliveSecurity.getByText("forged webhooks").click();
  await olive.keyboard.press("End");
  await olive.keyboard.type(" Signed.");
  await expect(vera.locator('section[data-section-key="security"]')).toContainText("Threats: forged webhooks. Signed.");
  await expect(vera.locator('section[data-section-key="security"] .sw-suggestion')).toHaveCount(0);

  // the history compares the accepted text, and names the suggestions on their own
  await expect(olive.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await olive.keyboard.press("Control+s");
  await vera.goto(`${url}/history?from=1&to=current`);
  const design = vera.getByTestId("version-diff").locator('section[data-section-key="design"]');
  await expect(design.getByRole("list", { name: "Suggestions" }).getByRole("listitem")).toHaveText(["Olive suggested adding “ Daily.” open"]);
  await expect(design.locator("ins")).toHaveCount(0);
  await expect(vera.getByTestId("version-diff").locator('section[data-section-key="security"] ins')).toContainText(["forged"]);

  // Vera approves the security section again; Olive's open suggestion in Design left the Technical Lead's approval current
  expect((await vera.request.post(`/api/documents/${doc.id}/review/decision`, { data: { roleKey: "security_review", decision: "approved" } })).status()).toBe(200);
  expect(((await (await olive.request.get(`/api/documents/${doc.id}/review`)).json()) as { status: string }).status).toBe("approved");
  // then a newer document supersedes it: both show the link, and the decision log lists both with their status
  const newer = (await (await olive.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: doc.templateId, title: "Webhook intake, signed" } })).json()) as { id: string; number: string };
  const superseded = await olive.request.post(`/api/documents/${doc.id}/status`, { data: { action: "supersede", reason: "Signatures replace the replay checks.", supersededBy: newer.number } });
  expect(superseded.status(), await superseded.text()).toBe(200);
  await olive.goto(url);
  await expect(olive.getByRole("definition").filter({ hasText: "Webhook intake, signed" }).getByRole("link")).toHaveText(`${newer.number} Webhook intake, signed`);
  await olive.goto(`/w/${slug}/d/${newer.id}`);
  await expect(olive.getByRole("term").filter({ hasText: "Supersedes" })).toBeVisible();
  await expect(olive.getByRole("definition").filter({ hasText: "Webhook intake" }).getByRole("link")).toContainText(doc.number);
  await olive.goto(`/w/${slug}/decisions`);
  const logRow = (title: string) => olive.getByRole("row").filter({ has: olive.getByRole("link", { name: title, exact: true }) });
  await expect(logRow("Webhook intake")).toContainText(`${doc.number}`);
  await expect(logRow("Webhook intake")).toContainText(new RegExp(`Superseded\\s*by ${newer.number}`));
  await expect(logRow("Webhook intake")).toContainText("Olive (tech lead), Vera (security review)");
  await expect(logRow("Webhook intake, signed")).toContainText(newer.number);
  await expect(logRow("Webhook intake, signed")).toContainText("Draft");
});

test("a diagram change made while suggesting is proposed in a comment, and an editor applies it", async ({ browser, playwright, baseURL }) => {
  const { olive, eli, docId, url } = await oliveAndEli({ browser, playwright, baseURL }, "# Intake\n\n## Flow\n\nHow a webhook goes through.\n\n```mermaid\nflowchart LR\n  Receive --> Queue\n```\n");
  await Promise.all([olive.goto(url), eli.goto(url)]);
  await expect(eli.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // Eli suggests: his change to the diagram stays his own until he proposes it
  await eli.getByRole("group", { name: "Editing mode" }).getByRole("button", { name: "Suggesting" }).click();
  const eliSource = eli.getByLabel("Mermaid source");
  await eliSource.click();
  await eliSource.press("ControlOrMeta+End");
  await eliSource.pressSequentially("\n  Queue --> Verify");
  await expect(eli.getByRole("group", { name: "Proposed diagram change" })).toBeVisible();
  const oliveSource = olive.getByLabel("Mermaid source");
  await expect(oliveSource).toHaveValue("flowchart LR\n  Receive --> Queue");
  await eli.getByRole("button", { name: "Propose this change" }).click();
  await expect(eliSource).toHaveValue("flowchart LR\n  Receive --> Queue");
  await eli.getByLabel("New comment").fill("Signatures are checked before anything else.");
  await eli.getByRole("button", { name: "Comment", exact: true }).click();

  // Olive reads it as lines added and applies it: the diagram changes for both, and the thread is settled
  const thread = olive.getByRole("region", { name: "Comments on Flow" }).locator("article").filter({ hasText: "Signatures are checked before anything else." });
  await expect(thread.getByLabel("Proposed diagram change")).toContainText("+   Queue --> Verify", { timeout: 20_000 });
  await thread.getByRole("button", { name: "Apply to the diagram" }).click();
  await expect(oliveSource).toHaveValue("flowchart LR\n  Receive --> Queue\n  Queue --> Verify");
  await expect(eliSource).toHaveValue("flowchart LR\n  Receive --> Queue\n  Queue --> Verify");
  await expect(thread).toBeHidden();
  const exported = await (await olive.request.get(`/api/documents/${docId}/export.md`)).text();
  expect(exported).toContain("Queue --> Verify");
});

test("a heading made while suggesting is proposed in a comment, listed before review at once, and an editor applies it", async ({ browser, playwright, baseURL }) => {
  const { olive, eli, docId, url } = await oliveAndEli({ browser, playwright, baseURL }, "# Intake\n\n## Flow\n\nHow a webhook goes through.\n\nRetries back off.\n");
  await Promise.all([olive.goto(url), eli.goto(url)]);
  await expect(eli.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const gateLines = async () => ((await (await olive.request.get(`/api/documents/${docId}/review/gate`)).json()) as { problems: { detail: string }[] }).problems.map((p) => p.detail);
  const problemsBefore = (await gateLines()).length;

  // Eli, suggesting, makes a paragraph a heading: it stays a paragraph, and the change is proposed
  await eli.getByRole("group", { name: "Editing mode" }).getByRole("button", { name: "Suggesting" }).click();
  await eli.getByText("How a webhook goes through.").click();
  // with a word just typed (a suggestion the server may not have stored yet): the proposal is checked against the text as it is now
  await eli.keyboard.press("End");
  await eli.keyboard.type(" Quickly");
  await eli.getByRole("button", { name: "Heading", exact: true }).click();
  const draft = eli.getByRole("group", { name: "Proposed block change" });
  await expect(draft).toContainText("Proposes to turn a paragraph into Heading 3.");
  await expect(eli.getByRole("textbox", { name: "Flow body" }).locator("h3")).toHaveCount(0);
  await eli.getByLabel("New comment").fill("A step of its own deserves a heading.");
  await eli.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(eli.getByRole("region", { name: "Comments on Flow" }).locator("article").filter({ hasText: "A step of its own deserves a heading." })).toContainText("A proposed block change");
  const problems = await gateLines();
  expect(problems).toContain("Apply or resolve the proposal: Eli proposes to turn a paragraph into Heading 3.");
  // the word typed and the proposal: the owner's problem count takes both in within seconds, not at the next minute's check
  expect(problems).toHaveLength(problemsBefore + 2);
  await expect(olive.getByRole("group", { name: "Status bar" }).getByRole("button", { name: `${problemsBefore + 2} problems before review` })).toBeVisible();

  // Olive sees it as the block now and as proposed, and applies it: a heading for both, the other paragraph kept
  const thread = olive.getByRole("region", { name: "Comments on Flow" }).locator("article").filter({ hasText: "A step of its own deserves a heading." });
  await expect(thread.getByLabel("Proposed", { exact: true })).toContainText("How a webhook goes through.");
  await thread.getByRole("button", { name: "Apply the change" }).click();
  for (const page of [olive, eli]) {
    const text = page.getByRole("textbox", { name: "Flow body" });
    await expect(text.locator("h3")).toContainText("How a webhook goes through.");
    await expect(text).toContainText("Retries back off.");
  }
  await expect(thread).toBeHidden();
  expect(await gateLines()).not.toContain("Apply or resolve the proposal: Eli proposes to turn a paragraph into Heading 3.");
  const exported = await (await olive.request.get(`/api/documents/${docId}/export.md`)).text();
  expect(exported).toContain("### How a webhook goes through.");
});

test("a colour chosen in Settings is the one others see one's suggestions in", async ({ browser, playwright, baseURL }) => {
  const { olive, eli, url } = await oliveAndEli({ browser, playwright, baseURL }, "# Intake\n\n## Flow\n\nHow a webhook goes through.\n");

  await olive.goto("/settings");
  await olive.getByRole("radio", { name: "Teal" }).check();
  await expect(olive.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await olive.reload();
  await expect(olive.getByRole("radio", { name: "Teal" })).toBeChecked();

  await Promise.all([olive.goto(url), eli.goto(url)]);
  await expect(olive.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await olive.getByRole("group", { name: "Editing mode" }).getByRole("button", { name: "Suggesting" }).click();
  await olive.getByText("How a webhook goes through.").click();
  await olive.keyboard.press("End");
  await olive.keyboard.type(" Daily.");
  // Eli's page shows Olive's suggestion in teal (#0f766e), read from the page's members
  const suggestion = eli.locator("ins.sw-suggestion").filter({ hasText: "Daily." });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toHaveCSS("text-decoration-color", "rgb(15, 118, 110)");
});
