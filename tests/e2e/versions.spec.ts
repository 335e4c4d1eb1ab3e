import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "./fixtures";
import { documentFromDefinition, signInAs, signUpAs, signUpFrom, uniqueEmail } from "./support";

const DEFINITION = {
  name: "History test",
  description: "Three sections",
  titlePattern: "Ledger history",
  sections: [
    { key: "design", title: "Design", depth: 1, starter: "Starter design." },
    { key: "security", title: "Security", depth: 1, starter: "Starter security." },
    { key: "glossary", title: "Glossary", depth: 1, starter: "Terms we use." },
  ],
  signoffRoles: [{ key: "tech_lead", name: "Technical Lead", scope: [] }],
};

type Version = { number: number; label: string; kind: string };

async function rewrite(page: Page, documentId: string, section: string, text: string) {
  const body = page.getByRole("textbox", { name: `${section} body` });
  // after a (re)load the section shows its stored text before its editor takes over: keys
  // typed before then go nowhere (on a loaded machine that window lasts seconds)
  await expect(body).toHaveAttribute("contenteditable", "true");
  await body.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
  // wait until the server holds what was typed, not for transient "Saved" text
  await expect.poll(async () => JSON.stringify(await (await page.request.get(`/api/documents/${documentId}`)).json()), { timeout: 20_000 }).toContain(text);
}

const versions = async (page: Page, documentId: string) => (await (await page.request.get(`/api/documents/${documentId}/versions`)).json()) as Version[];

test("edit, name a version, edit more, compare, and restore one section while a second browser watches", async ({ browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("hist");
  const author = await (await browser.newContext()).newPage();
  const slug = await signUpAs(author, "Hana", email);
  const doc = await documentFromDefinition(author, slug, DEFINITION);
  const url = `/w/${slug}/d/${doc.id}`;

  await author.goto(url);
  await rewrite(author, doc.id, "Design", "Charges are retried once.");

  // name a version from the history page
  await author.getByRole("link", { name: "History", exact: true }).click();
  await author.waitForURL(/\/history$/);
  await author.getByLabel("Version name").fill("v1.0 submitted for review");
  await author.getByRole("button", { name: "Name this version" }).click();
  await expect(author.getByRole("table", { name: "Versions" })).toContainText("v1.0 submitted for review");
  const named = (await versions(author, doc.id)).find((v) => v.label === "v1.0 submitted for review")!;

  // edit more
  await author.goto(url);
  await rewrite(author, doc.id, "Design", "Charges are retried three times with backoff.");
  await rewrite(author, doc.id, "Security", "Webhooks are signed.");

  // a second browser has the document open
  const watcher = await (await browser.newContext()).newPage();
  await signInAs(watcher, email);
  await watcher.goto(url);
  await expect(watcher.getByRole("textbox", { name: "Design body" })).toContainText("three times with backoff");

  // compare the named version with the current content
  await author.goto(`${url}/history`);
  await author.getByLabel(`Compare from v${named.number}`).check();
  await author.getByLabel("Compare to the current content").check();
  await author.getByRole("button", { name: "Compare" }).click();
  await author.waitForURL(new RegExp(`from=${named.number}&to=current`));
  const diff = author.getByTestId("version-diff");
  await expect(diff).toContainText("2 sections changed");
  const design = diff.locator("section[data-section-key=design]");
  await expect(design.locator("del")).toContainText(["once"]);
  await expect(design.locator("ins").first()).toContainText("three times");
  // the section nobody touched is one folded line, opened on demand
  const unchanged = diff.getByTestId("unchanged-sections");
  await expect(unchanged.locator("summary")).toContainText("1 unchanged section");
  await expect(diff.locator("section[data-section-key=glossary]")).toBeHidden();
  await unchanged.locator("summary").click();
  await expect(diff.locator("section[data-section-key=glossary]")).toBeVisible();

  // restore only the Design section of the named version, after saying what it changes
  await author.getByRole("link", { name: `v${named.number}`, exact: true }).click();
  const view = author.getByTestId("version-view");
  await expect(view).toContainText("read-only");
  await expect(view.locator("section[data-section-key=design]")).toContainText("Charges are retried once.");
  // a section the same as now: nothing to restore
  await view.getByRole("button", { name: "Restore “Glossary”" }).click();
  const same = author.getByRole("dialog", { name: `Restore “Glossary” from v${named.number}?` });
  await expect(same).toContainText("Nothing would change");
  await expect(same.getByRole("button", { name: "Confirm" })).toHaveCount(0);
  await same.getByRole("button", { name: "Close" }).click();
  const restoreDesign = view.getByRole("button", { name: "Restore “Design”" });
  await restoreDesign.click();
  const confirm = author.getByRole("dialog", { name: `Restore “Design” from v${named.number}?` });
  await expect(confirm.getByRole("list", { name: "Sections that will change" })).toHaveText("Design — 4 words removed, 1 added");
  // Tab and Shift+Tab stay in the dialog (Cancel, Confirm and round again)
  for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    await author.keyboard.press(key);
    expect(await confirm.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  }
  // Escape cancels: the focus returns and nothing is restored
  await author.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(restoreDesign).toBeFocused();
  expect((await versions(author, doc.id))[0]!.kind).not.toBe("restore");
  await restoreDesign.click();
  await confirm.getByRole("button", { name: "Confirm" }).click();

  // the watcher sees it change without reloading; the other section keeps the later edit
  await expect(watcher.getByRole("textbox", { name: "Design body" })).toHaveText("Charges are retried once.", { timeout: 20_000 });
  await expect(watcher.getByRole("textbox", { name: "Security body" })).toContainText("Webhooks are signed.");
  await expect.poll(async () => (await versions(author, doc.id))[0]).toMatchObject({ kind: "restore", label: `Restored “Design” from v${named.number}` });
  await expect(author.getByRole("table", { name: "Versions" })).toContainText(`Restored “Design” from v${named.number}`);
});

test("the versions API: another workspace gets 404, a viewer may read but not restore", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  const slug = await signUpAs(owner, "Olga", uniqueEmail("olga"));
  const template = ((await (await owner.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string }[])[0]!;
  const doc = (await (await owner.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id } })).json()) as { id: string };
  const named = await owner.request.post(`/api/documents/${doc.id}/versions`, { data: { label: "first" } });
  expect(named.status()).toBe(201);
  const { number } = (await named.json()) as Version;
  expect((await owner.request.post(`/api/documents/${doc.id}/versions`, { data: { label: "" } })).status()).toBe(400);
  expect((await owner.request.get(`/api/documents/${doc.id}/versions/diff?from=abc`)).status()).toBe(400);

  const viewerEmail = uniqueEmail("vera");
  const invite = (await (await owner.request.post(`/api/workspaces/${slug}/invites`, { data: { email: viewerEmail, role: "viewer" } })).json()) as { invite: { path: string } };
  const viewer = await (await browser.newContext()).newPage();
  expect((await viewer.request.post("/api/signup", { headers: signUpFrom(), data: { name: "Vera", email: viewerEmail, password: "a-good-long-password", inviteToken: invite.invite.path.split("/").pop() } })).status()).toBe(201);
  await signInAs(viewer, viewerEmail);
  expect((await viewer.request.get(`/api/documents/${doc.id}/versions/${number}`)).status()).toBe(200);
  expect((await viewer.request.post(`/api/documents/${doc.id}/versions/${number}/restore`, { data: {} })).status()).toBe(403);
  expect((await viewer.request.get(`/api/documents/${doc.id}/versions/${number}/restore/preview`)).status()).toBe(403);

  const outsider = await (await browser.newContext()).newPage();
  await signUpAs(outsider, "Otto", uniqueEmail("otto"));
  expect((await outsider.request.post(`/api/documents/${doc.id}/versions/${number}/restore`, { data: {} })).status()).toBe(404);
  expect((await outsider.request.get(`/api/documents/${doc.id}/versions`)).status()).toBe(404);
  expect((await outsider.request.get(`/api/documents/${doc.id}/versions/${number}/restore/preview`)).status()).toBe(404);
  expect((await owner.request.get(`/api/documents/${doc.id}/versions/${number}/restore/preview?sectionKey=`)).status()).toBe(400);
  expect((await owner.request.get(`/api/documents/${doc.id}/versions`)).status()).toBe(200);
});

test("a reviewer sees a stale approval with what changed since it was given", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await (await browser.newContext()).newPage();
  const slug = await signUpAs(author, "Ada", uniqueEmail("ada"));
  const definition = { ...DEFINITION, sections: [{ ...DEFINITION.sections[0]!, fields: [{ key: "team", label: "Owning team", type: "text" }] }, DEFINITION.sections[1]!] };
  const doc = await documentFromDefinition(author, slug, definition);

  const reviewerEmail = uniqueEmail("rex");
  const invite = (await (await author.request.post(`/api/workspaces/${slug}/invites`, { data: { email: reviewerEmail, role: "editor" } })).json()) as { invite: { path: string } };
  const reviewer = await (await browser.newContext()).newPage();
  const signup = await reviewer.request.post("/api/signup", { headers: signUpFrom(), data: { name: "Rex", email: reviewerEmail, password: "a-good-long-password", inviteToken: invite.invite.path.split("/").pop() } });
  const reviewerId = ((await signup.json()) as { user: { id: string } }).user.id;
  await signInAs(reviewer, reviewerEmail);

  expect((await author.request.post(`/api/documents/${doc.id}/review/assign`, { data: { roleKey: "tech_lead", reviewerId } })).status()).toBe(200);
  expect((await author.request.post(`/api/documents/${doc.id}/review/submit`, { data: {} })).status()).toBe(200);
  expect((await reviewer.request.post(`/api/documents/${doc.id}/review/decision`, { data: { roleKey: "tech_lead", decision: "approved" } })).status()).toBe(200);
  // a later change to what the approval covers
  expect((await author.request.patch(`/api/documents/${doc.id}`, { data: { fields: { design: { team: "Payments" } } } })).status()).toBe(200);

  await reviewer.goto(`/w/${slug}/d/${doc.id}`);
  const row = reviewer.locator("tr[data-role=tech_lead]");
  await expect(row).toContainText("stale: the content changed after this decision");
  const since = reviewer.getByTestId("changes-since");
  await expect(since).toContainText("Changed since your last decision");
  await expect(since).toContainText("1 section changed");
  await since.locator("summary").click();
  await expect(since.getByRole("region", { name: /Design \(changed/ })).toContainText("Payments");
  await row.getByRole("link", { name: /see what changed since v\d+/ }).click();
  await reviewer.waitForURL(/history\?from=\d+&to=current/);
  await expect(reviewer.getByTestId("version-diff").locator("section[data-section-key=design] ins")).toContainText("Payments");

  // the compare page's content has no serious or critical accessibility violations
  // (the app header is audited with the document page)
  const audit = await (await browser.newContext({ bypassCSP: true, storageState: await reviewer.context().storageState() })).newPage();
  await audit.goto(reviewer.url());
  await audit.getByTestId("version-diff").waitFor();
  await audit.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8") });
  const violations = await audit.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document.querySelector("main")!, { resultTypes: ["violations"] });
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations).toEqual([]);
});
