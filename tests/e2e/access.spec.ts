import { expect, test, type APIRequest, type Browser } from "./fixtures";
import { invitedMember, signInInUi, signUpAs, uniqueEmail } from "./support";

/** An owner's workspace with one document, and a second person who joined it as an editor through an invite. */
async function workspaceWithEditor(browser: Browser, playwright: { request: APIRequest }, baseURL: string | undefined, names: { owner: string; editor: string; document: string }) {
  const owner = await (await browser.newContext()).newPage();
  const slug = await signUpAs(owner, names.owner, uniqueEmail(names.owner.toLowerCase()));
  const templates = (await (await owner.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const template = templates.find((t) => t.key === "technical-design")!;
  const doc = (await (await owner.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id, title: names.document } })).json()) as { id: string };
  const member = await invitedMember(browser, playwright, baseURL, { owner, slug, name: names.editor, role: "editor" });
  return { owner, slug, doc, editor: member.page, editorEmail: member.email, editorId: member.id };
}

test("a member who is demoted, then removed, sees it at once and can copy their unsaved text", async ({ browser, playwright, baseURL }) => {
  const { owner, slug, doc, editor: bob, editorId: bobId } = await workspaceWithEditor(browser, playwright, baseURL, { owner: "Olive", editor: "Bob", document: "Shared plan" });

  const url = `/w/${slug}/d/${doc.id}`;
  await bob.goto(url);
  await expect(bob.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const body = bob.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await bob.keyboard.press("End");
  await bob.keyboard.type(" Bob's draft line.");
  await bob.keyboard.press("Enter");
  await bob.keyboard.type("- [ ] agree the retry budget");
  const task = body.getByRole("checkbox", { name: "Done: agree the retry budget" });
  await expect(task).toBeEnabled();
  await expect(bob.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // demoted to viewer: his sections turn read-only at once, and he is told
  expect((await owner.request.patch(`/api/workspaces/${slug}/members/${bobId}`, { data: { role: "viewer" } })).status()).toBe(200);
  await expect(bob.getByText("Your role changed: you can read this document but no longer edit it.")).toBeVisible({ timeout: 3000 });
  await expect(body).toHaveAttribute("contenteditable", "false");
  // a task's checkbox shows its state but is no control for a reader
  await expect(task).toBeDisabled();

  // removed: a dialog says so and holds his text to copy
  expect((await owner.request.delete(`/api/workspaces/${slug}/members/${bobId}`)).status()).toBe(204);
  const dialog = bob.getByRole("alertdialog", { name: "Access removed" });
  await expect(dialog).toBeVisible({ timeout: 3000 });
  await expect(dialog).toContainText("You no longer have access. Your last changes were not saved.");
  await expect(dialog.getByRole("textbox", { name: "Your text" })).toHaveValue(/Bob's draft line\./);
  await bob.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await dialog.getByRole("button", { name: "Copy text" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Copied");
  expect(await bob.evaluate(() => navigator.clipboard.readText())).toContain("Bob's draft line.");
});

test("other pages follow access too: a trashed document leaves the list, a removal shows 'Not found', signing out everywhere ends the page's session", async ({ browser, playwright, baseURL }) => {
  const { owner, slug, doc, editor: bob, editorEmail: bobEmail, editorId: bobId } = await workspaceWithEditor(browser, playwright, baseURL, { owner: "Opal", editor: "Bert", document: "Plan to trash" });
  await bob.goto(`/w/${slug}`);
  await expect(bob.getByRole("link", { name: "Plan to trash" })).toBeVisible();
  const settings = await bob.context().newPage();
  await settings.goto("/settings");
  await expect(settings.getByRole("heading", { level: 1 })).toBeVisible();

  // trashed by the owner: it leaves Bob's open list without a reload
  expect((await owner.request.delete(`/api/documents/${doc.id}`)).status()).toBe(204);
  await expect(bob.getByRole("link", { name: "Plan to trash" })).toHaveCount(0, { timeout: 3000 });

  // removed from the workspace: the open workspace page says so
  expect((await owner.request.delete(`/api/workspaces/${slug}/members/${bobId}`)).status()).toBe(204);
  await expect(bob.getByRole("heading", { name: "Not found" })).toBeVisible({ timeout: 3000 });

  // "Sign out everywhere" from another device: the open settings page goes to sign in
  const elsewhere = await (await browser.newContext()).newPage();
  await signInInUi(elsewhere, bobEmail);
  await elsewhere.waitForURL((url) => !url.pathname.startsWith("/signin"));
  expect((await elsewhere.request.delete("/api/me/sessions")).status()).toBe(204);
  await expect(settings).toHaveURL(/\/signin/, { timeout: 3000 });
});

test("a document trashed while the list is still loading its code leaves the list all the same", async ({ browser, playwright, baseURL }) => {
  const { owner, slug, doc, editor: bob } = await workspaceWithEditor(browser, playwright, baseURL, { owner: "Orla", editor: "Bea", document: "Plan trashed early" });
  // the page's event stream opens only after the trash: as on a slow machine, where the
  // change lands between the server drawing the list and the browser listening
  let trashed = false;
  await bob.route("**/api/me/access-events*", async (route) => {
    await expect.poll(() => trashed).toBe(true);
    await route.continue();
  });
  await bob.goto(`/w/${slug}`);
  await expect(bob.getByRole("link", { name: "Plan trashed early" })).toBeVisible();
  expect((await owner.request.delete(`/api/documents/${doc.id}`)).status()).toBe(204);
  trashed = true;
  await expect(bob.getByRole("link", { name: "Plan trashed early" })).toHaveCount(0, { timeout: 3000 });
});
