import { makeRemote } from "../support/gitRepo";
import { expect, test } from "./fixtures";
import { signUpInUi, uniqueEmail } from "./support";

test("an admin connects a repository, syncs it, and reads its status", async ({ page }) => {
  test.setTimeout(120_000);
  const remote = makeRemote();
  try {
    await signUpInUi(page, "Gita", uniqueEmail("gita"));
    const slug = new URL(page.url()).pathname.split("/")[2]!;
    await page.goto(`/w/${slug}/members`);
    await page.getByRole("link", { name: "Git sync" }).click();
    await expect(page.getByRole("heading", { name: "Git sync", level: 1 })).toBeVisible();

    // a token in the address is refused, naming the field; nothing is connected
    await page.getByLabel("Repository").fill("https://bot:ghp_secret@git.example.test/designs.git");
    await page.getByRole("button", { name: "Connect" }).click();
    await expect(page.getByText(/Put the token in the credential field/).first()).toBeVisible();
    await expect(page.getByText("No repository connected yet.")).toBeVisible();

    await page.getByLabel("Repository").fill(remote.url);
    await page.getByLabel("Folder").fill("docs/design");
    await page.getByLabel("Credential").selectOption("token");
    await page.getByLabel("Token").fill("ghp_never-shown-again");
    await page.getByRole("button", { name: "Connect" }).click();
    const item = page.getByRole("listitem", { name: `Repository ${remote.url}` });
    await expect(item).toContainText("docs/design");
    await expect(page.getByText("ghp_never-shown-again")).toHaveCount(0);

    await item.getByRole("button", { name: "Sync now" }).click();
    const head = remote.log()[0]!.sha;
    await expect(item).toContainText(head.slice(0, 12), { timeout: 30_000 });
    await expect(item).not.toContainText("Last error");
    await page.screenshot({ path: "test-results/git-sync-page.png", fullPage: true });

    await item.getByRole("button", { name: `Disconnect ${remote.url}` }).click();
    await expect(page.getByText("No repository connected yet.")).toBeVisible();
  } finally {
    remote.remove();
  }
});
