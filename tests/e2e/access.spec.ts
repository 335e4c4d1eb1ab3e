import { expect, test } from "@playwright/test";
import { PASSWORD, signInInUi, signUpInUi, uniqueEmail } from "./support";

test("a member who is demoted, then removed, sees it at once and can copy their unsaved text", async ({ browser, playwright, baseURL }) => {
  const owner = await (await browser.newContext()).newPage();
  await signUpInUi(owner, "Olive", uniqueEmail("olive"));
  const slug = new URL(owner.url()).pathname.split("/")[2]!;
  const templates = (await (await owner.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const template = templates.find((t) => t.key === "technical-design")!;
  const doc = (await (await owner.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id, title: "Shared plan" } })).json()) as { id: string };

  // Bob joins as an editor through an invite
  const bobEmail = uniqueEmail("bob");
  const invite = (await (await owner.request.post(`/api/workspaces/${slug}/invites`, { data: { email: bobEmail, role: "editor" } })).json()) as { invite: { path: string } };
  const api = await playwright.request.newContext({ baseURL });
  const signup = await api.post("/api/signup", { data: { name: "Bob", email: bobEmail, password: PASSWORD, inviteToken: invite.invite.path.split("/").pop() } });
  expect(signup.status(), await signup.text()).toBe(201);
  const bobId = ((await signup.json()) as { user: { id: string } }).user.id;
  await api.dispose();
  const bob = await (await browser.newContext()).newPage();
  await signInInUi(bob, bobEmail);
  await bob.waitForURL(/\/w\//);

  const url = `/w/${slug}/d/${doc.id}`;
  await bob.goto(url);
  await expect(bob.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  const body = bob.getByRole("textbox", { name: "Overview body" });
  await body.click();
  await bob.keyboard.press("End");
  await bob.keyboard.type(" Bob's draft line.");
  await expect(bob.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  // demoted to viewer: his sections turn read-only at once, and he is told
  expect((await owner.request.patch(`/api/workspaces/${slug}/members/${bobId}`, { data: { role: "viewer" } })).status()).toBe(200);
  await expect(bob.getByText("Your role changed: you can read this document but no longer edit it.")).toBeVisible({ timeout: 3000 });
  await expect(body).toHaveAttribute("contenteditable", "false");

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
