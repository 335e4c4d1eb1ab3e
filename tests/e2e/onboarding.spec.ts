import { expect, test } from "./fixtures";
import { PASSWORD, formAlert, signInInUi, signUpInUi, uniqueEmail } from "./support";

test("a new user signs up, invites a member, changes their role, and signs in again", async ({ browser }) => {
  const alice = uniqueEmail("alice");
  const bob = uniqueEmail("bob");

  // Alice: anonymous visitors are sent to sign-in, from where she creates an account
  const owner = await (await browser.newContext()).newPage();
  await owner.goto("/");
  await expect(owner).toHaveURL(/\/signin$/);
  await owner.getByRole("link", { name: "Create an account" }).click();
  await owner.getByLabel("Name").fill("Alice Example");
  await owner.getByLabel("Email").fill(alice);
  await owner.getByLabel("Password").fill(PASSWORD);
  await owner.getByRole("button", { name: "Create account" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Alice's workspace" })).toBeVisible();
  await expect(owner.getByText("You are an owner here.")).toBeVisible();

  // she invites Bob as an editor and gets a link to send him
  await owner.getByRole("link", { name: "Members", exact: true }).click();
  await owner.getByLabel("Email address").fill(bob);
  await owner.getByRole("button", { name: "Send invite" }).click();
  await expect(owner.getByText(`Invited ${bob} as editor.`)).toBeVisible();
  const inviteLink = await owner.getByLabel(`Invite link for ${bob}`).first().inputValue();
  expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await expect(owner.getByRole("heading", { name: "Pending invites" })).toBeVisible();

  // inviting him twice while he is pending renews the invite; a member cannot be invited
  await owner.getByLabel("Email address").fill(alice);
  await owner.getByRole("button", { name: "Send invite" }).click();
  await expect(formAlert(owner)).toContainText("already a member");

  await owner.getByRole("button", { name: "Sign out" }).click();
  await expect(owner).toHaveURL(/\/signin/);

  // Bob follows the link, signs up with the invited address and lands in Alice's workspace
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(inviteLink);
  await expect(invitee.getByRole("heading", { name: "Join Alice's workspace" })).toBeVisible();
  await expect(invitee.getByLabel("Email")).toHaveValue(bob);
  await invitee.getByLabel("Name").fill("Bob Example");
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee.getByRole("heading", { level: 1, name: "Alice's workspace" })).toBeVisible();
  await expect(invitee.getByText("You are an editor here.")).toBeVisible();

  // Alice signs in again and makes Bob a viewer
  await signInInUi(owner, alice);
  await expect(owner.getByRole("heading", { level: 1, name: "Alice's workspace" })).toBeVisible();
  await owner.getByRole("link", { name: "Members", exact: true }).click();
  const role = owner.getByLabel("Role of Bob Example");
  await expect(role).toHaveValue("editor");
  await role.selectOption("viewer");
  await expect(owner.getByText("Bob Example is now viewer.")).toBeVisible();
  await owner.reload();
  await expect(owner.getByLabel("Role of Bob Example")).toHaveValue("viewer");

  // Bob, now a viewer, sees the members but cannot manage them
  await invitee.goto(owner.url());
  await expect(invitee.getByRole("cell", { name: "Alice Example" })).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Send invite" })).toHaveCount(0);
  await expect(invitee.getByLabel("Role of Alice Example")).toHaveCount(0);
});

test("sign-in and sign-up explain what went wrong", async ({ page }) => {
  const email = uniqueEmail("carol");
  await signUpInUi(page, "Carol", email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signInInUi(page, email, "not-the-password");
  await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  await signInInUi(page, uniqueEmail("nobody"), "not-the-password");
  await expect(formAlert(page)).toHaveText("Email or password is incorrect.");

  await page.goto("/signup");
  await page.getByLabel("Name").fill("Carol Again");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(formAlert(page)).toContainText("An account with this email already exists");
});

test("a user switches between workspaces", async ({ page }) => {
  await signUpInUi(page, "Dora", uniqueEmail("dora"));
  await page.getByLabel("Switch workspace").selectOption({ label: "+ New workspace…" });
  await page.getByLabel("Workspace name").fill("Platform Team");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Platform Team" })).toBeVisible();
  await page.getByLabel("Switch workspace").selectOption({ label: "Dora's workspace" });
  await expect(page.getByRole("heading", { level: 1, name: "Dora's workspace" })).toBeVisible();
  // "/" returns to the workspace opened last, whichever was made first
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dora's workspace" })).toBeVisible();
  await page.getByLabel("Switch workspace").selectOption({ label: "Platform Team" });
  await expect(page.getByRole("heading", { level: 1, name: "Platform Team" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Platform Team" })).toBeVisible();
  // pages outside a workspace show that workspace's navigation
  for (const path of ["/inbox", "/settings"]) {
    await page.goto(path);
    await expect(page.getByLabel("Switch workspace")).toHaveValue(/^platform-team/);
    await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Templates" })).toBeVisible();
  }
});
