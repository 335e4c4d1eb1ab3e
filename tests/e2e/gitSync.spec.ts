import { createHmac } from "node:crypto";
import { makeRemote } from "../support/gitRepo";
import { makeSshKeyPair, startSshGitServer } from "../support/sshGitServer";
import { expect, test } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { documentFromDefinition, signUpAs, uniqueEmail } from "./support";

test("an admin connects a repository, syncs it, and reads its status", async ({ page, request }) => {
  test.setTimeout(120_000);
  const remote = makeRemote();
  try {
    const slug = await signUpAs(page, "Gita", uniqueEmail("gita"));
    await page.goto(`/w/${slug}/members`);
    await page.getByRole("link", { name: "Git sync" }).click();
    await expect(page.getByRole("heading", { name: "Git sync", level: 1 })).toBeVisible();

    // a token in the address is refused, naming the field; nothing is connected
    await page.getByRole("textbox", { name: "Repository" }).fill("https://bot:ghp_secret@git.example.test/designs.git");
    await page.getByRole("button", { name: "Connect" }).click();
    await expect(page.getByText(/Put the token in the credential field/).first()).toBeVisible();
    await expect(page.getByText("No repository connected yet.")).toBeVisible();

    await page.getByRole("textbox", { name: "Repository" }).fill(remote.url);
    await page.getByLabel("Folder").fill("docs/design");
    await page.getByLabel("Credential").selectOption("token");
    await page.getByLabel("Token", { exact: true }).fill("ghp_never-shown-again");
    await page.getByRole("button", { name: "Connect" }).click();
    const item = page.getByRole("listitem", { name: `Repository ${remote.url}` });
    await expect(item).toContainText("docs/design");
    await expect(page.getByText("ghp_never-shown-again")).toHaveCount(0);

    await item.getByRole("button", { name: "Sync now" }).click();
    const head = remote.log()[0]!.sha;
    await expect(item).toContainText(head.slice(0, 12), { timeout: 30_000 });
    await expect(item).not.toContainText("Last error");
    await page.screenshot({ path: "test-results/git-sync-page.png", fullPage: true });

    // the push hook: a URL and a secret shown once; a signed push (no cookie, no token) marks it due, anything else is refused
    await item.getByRole("button", { name: `Set up a push hook for ${remote.url}` }).click();
    const hookUrl = (await item.getByLabel("Hook URL", { exact: true }).textContent())!;
    const hookSecret = (await item.getByLabel("Hook secret", { exact: true }).textContent())!;
    expect(hookUrl).toMatch(new RegExp(`/api/workspaces/${slug}/git-sync/[^/]+/hook$`));
    expect(hookSecret).toMatch(/^swh_/);
    await page.screenshot({ path: "test-results/git-sync-push-hook.png", fullPage: true });
    const push = JSON.stringify({ ref: "refs/heads/main" });
    const unsigned = await request.post(hookUrl, { data: push, headers: { "content-type": "application/json" } });
    expect(unsigned.status()).toBe(401);
    const signed = await request.post(hookUrl, {
      data: push,
      headers: { "content-type": "application/json", "x-github-event": "push", "x-hub-signature-256": `sha256=${createHmac("sha256", hookSecret).update(push).digest("hex")}` },
    });
    expect(signed.status(), await signed.text()).toBe(202);
    expect(await signed.json()).toEqual({ due: true });
    await page.reload();
    await expect(page.getByRole("listitem", { name: `Repository ${remote.url}` })).toContainText("last push");

    await item.getByRole("button", { name: `Disconnect ${remote.url}` }).click();
    await expect(page.getByText("No repository connected yet.")).toBeVisible();
  } finally {
    remote.remove();
  }
});

test("an admin sees the SSH host key a connection trusts and, once the host's key changed, forgets it so the next sync trusts the new one", async ({ page }) => {
  test.setTimeout(120_000);
  const remote = makeRemote();
  const client = makeSshKeyPair();
  let server = await startSshGitServer({ root: remote.root, authorizedKey: client.publicKey });
  try {
    const slug = await signUpAs(page, "Hosta", uniqueEmail("hosta"));
    await page.goto(`/w/${slug}/git-sync`);
    const url = server.url("remote.git");
    await page.getByRole("textbox", { name: "Repository" }).fill(url);
    await page.getByLabel("Credential").selectOption("ssh");
    await page.getByLabel("Private key").fill(client.privateKey);
    await page.getByRole("button", { name: "Connect" }).click();
    const item = page.getByRole("listitem", { name: `Repository ${url}` });
    await item.getByRole("button", { name: "Sync now" }).click();
    await expect(item.getByRole("list", { name: `Host key of ${url}` })).toContainText(server.hostKeyFingerprint, { timeout: 30_000 });
    await expect(item).not.toContainText("Last error");

    // the same address now answers with another key: syncs stop, saying what to do
    const port = server.port;
    await server.stop();
    server = await startSshGitServer({ root: remote.root, authorizedKey: client.publicKey, port });
    await item.getByRole("button", { name: "Sync now" }).click();
    await expect(item).toContainText(`it now presents ${server.hostKeyFingerprint}`, { timeout: 30_000 });
    await expect(item).toContainText("Forget host key");
    await page.screenshot({ path: "test-results/git-sync-host-key-changed.png", fullPage: true });

    await item.getByRole("button", { name: `Forget host key of ${url}` }).click();
    await item.getByRole("group", { name: "Forget the host key?" }).getByRole("button", { name: "Forget" }).click();
    await expect(item.getByRole("list", { name: `Host key of ${url}` })).toHaveCount(0);
    await item.getByRole("button", { name: "Sync now" }).click();
    await expect(item.getByRole("list", { name: `Host key of ${url}` })).toContainText(server.hostKeyFingerprint, { timeout: 30_000 });
    await expect(item).not.toContainText("Last error");
    await page.screenshot({ path: "test-results/git-sync-host-key-forgotten.png", fullPage: true });
  } finally {
    await server.stop();
    remote.remove();
  }
});

const DEFINITION = {
  name: "Sync check",
  description: "Two sections",
  titlePattern: "Ledger in Git",
  sections: [
    { key: "design", title: "Design", depth: 1, starter: "We keep a ledger." },
    { key: "rollout", title: "Rollout", depth: 1, starter: "We ship it in May." },
  ],
  signoffRoles: [{ key: "tech_lead", name: "Technical Lead", scope: [] }],
};

test("a section changed both here and in the repository shows both versions, and the one kept is committed", async ({ page }) => {
  test.setTimeout(150_000);
  const remote = makeRemote();
  try {
    const slug = await signUpAs(page, "Gus", uniqueEmail("gus"));
    const doc = await documentFromDefinition(page, slug, DEFINITION);
    const connection = (await (await page.request.post(`/api/workspaces/${slug}/git-sync`, { data: { repoUrl: remote.url, path: "docs", scope: "template", scopeValue: await templateKey(page, slug, doc.templateId) } })).json()) as { id: string };
    const synced = await page.request.post(`/api/workspaces/${slug}/git-sync/${connection.id}/sync`, { data: {} });
    expect(synced.status(), await synced.text()).toBe(200);
    remote.pull();
    const file = remote.files().find((f) => f.startsWith("docs/") && f.endsWith(".md"))!;
    expect(remote.read(file)).toContain("We keep a ledger.");

    await page.goto(`/w/${slug}/d/${doc.id}`);
    const body = page.getByRole("textbox", { name: "Design body" });
    await body.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Typed here.");
    await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
    remote.commit({ [file]: remote.read(file).replace("We keep a ledger.", "We keep a ledger in Git.") }, "Design from the repository");
    expect((await page.request.post(`/api/workspaces/${slug}/git-sync/${connection.id}/sync`, { data: {} })).status()).toBe(200);

    await page.reload();
    const panel = page.getByRole("region", { name: /Git sync: 1 section changed both here and in the repository/ });
    await expect(panel).toBeVisible();
    const conflict = panel.getByRole("listitem", { name: "Conflict in Design" });
    await expect(conflict).toContainText("We keep a ledger. Typed here.");
    await expect(conflict).toContainText("We keep a ledger in Git.");
    await page.screenshot({ path: "test-results/git-sync-conflict.png", fullPage: true });
    const { violations } = await new AxeBuilder({ page }).include('[aria-labelledby="git-conflicts-heading"]').setLegacyMode(true).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    await conflict.getByRole("button", { name: "Keep the repository's" }).click();
    await expect(panel).toHaveCount(0);
    await expect(body).toContainText("We keep a ledger in Git.");
    expect((await page.request.post(`/api/workspaces/${slug}/git-sync/${connection.id}/sync`, { data: {} })).status()).toBe(200);
    remote.pull();
    expect(remote.read(file)).toContain("We keep a ledger in Git.");
    expect(remote.log()[0]!.message).toMatch(/^Resolved sync conflict: /);
  } finally {
    remote.remove();
  }
});

async function templateKey(page: Page, slug: string, templateId: string): Promise<string> {
  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  return templates.find((t) => t.id === templateId)!.key;
}
