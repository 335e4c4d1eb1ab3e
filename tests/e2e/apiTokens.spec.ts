import { expect, test } from "./fixtures";
import { signUpAs, signUpInUi, uniqueEmail } from "./support";

test.describe("API tokens", () => {
  test("a person makes a token in Settings, sees it once, a script uses it, and once revoked it stops working", async ({ page, playwright, baseURL }) => {
    await signUpInUi(page, "Tove", uniqueEmail("tove"));
    const slug = new URL(page.url()).pathname.split("/")[2]!;

    await page.getByRole("link", { name: "Settings" }).click();
    const tokens = page.getByRole("region", { name: "API tokens" });
    await expect(tokens.getByText("No tokens yet.")).toBeVisible();
    await tokens.getByLabel("Token name").fill("CI docs check");
    await tokens.getByLabel("Scope").selectOption("write");
    await tokens.getByLabel("Expires after").selectOption("90");
    await tokens.getByRole("button", { name: "Create token" }).click();
    const shown = tokens.getByRole("textbox", { name: "New token" });
    await expect(shown).toHaveValue(/^swt_[A-Za-z0-9_-]{43}$/);
    const secret = await shown.inputValue();
    const listed = tokens.getByRole("list", { name: "API tokens" }).getByRole("listitem");
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText("CI docs check");
    await expect(listed).toContainText("write");
    await expect(listed).toContainText("never used");
    await expect(listed).not.toContainText(secret);

    // a script: no cookie, only the token
    const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
    const templates = await script.get(`/api/workspaces/${slug}/templates`);
    expect(templates.status()).toBe(200);
    const templateId = ((await templates.json()) as { id: string }[])[0]!.id;
    const created = await script.post(`/api/workspaces/${slug}/documents`, { data: { templateId, title: "Written by CI" } });
    expect(created.status(), await created.text()).toBe(201);
    expect((await script.get(`/api/workspaces/${slug}/documents`)).status()).toBe(200);
    // a proxy's Basic password beside the cookie is not a token: the session still counts
    const behindProxy = await page.request.get("/api/me", { headers: { authorization: `Basic ${Buffer.from("staging:secret").toString("base64")}` } });
    expect(behindProxy.status()).toBe(200);
    // pages take no token: only the session cookie
    const settingsPage = await script.get("/settings", { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(settingsPage.status());
    expect(settingsPage.headers().location).toContain("/signin");
    // the token cannot make tokens or reach the person's sessions
    expect((await script.post("/api/me/tokens", { data: { name: "Child", scope: "admin", expiresInDays: 7 } })).status()).toBe(403);

    // shown once: after a reload only its prefix is left, with its use
    await page.reload();
    await expect(tokens.getByRole("textbox", { name: "New token" })).toHaveCount(0);
    await expect(listed).toContainText(secret.slice(0, 12));
    await expect(listed).toContainText("last used");
    await expect(page.locator("body")).not.toContainText(secret);
    // what it did: the document it created, its first use and its creation
    await listed.getByText(/Recent activity \(\d\)/).click();
    const activity = listed.getByRole("list", { name: "Recent activity of CI docs check" });
    await expect(activity).toContainText("document created");
    await expect(activity).toContainText("first used");
    // each call it made, with the route and the answer (the refused one too), noted once answered
    const calls = listed.getByRole("list", { name: "Recent calls of CI docs check" });
    await expect(async () => {
      await page.reload();
      await listed.getByText(/Recent calls \(\d\)/).click();
      await expect(calls.getByRole("listitem").filter({ hasText: "POST /api/me/tokens" })).toContainText("403", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(calls.getByRole("listitem").filter({ hasText: "POST /api/workspaces/:slug/documents" })).toContainText("201");
    await listed.getByText(/Recent activity \(\d\)/).click();
    await page.screenshot({ path: "test-results/api-token-activity.png", fullPage: true });
    await page.goto(`/w/${slug}`);
    await expect(page.getByText("Written by CI").first()).toBeVisible();

    await page.goto("/settings");
    page.once("dialog", (dialog) => void dialog.accept());
    await tokens.getByRole("button", { name: "Revoke CI docs check" }).click();
    await expect(listed).toContainText("revoked");
    await expect(tokens.getByRole("button", { name: "Revoke CI docs check" })).toHaveCount(0);

    const refused = await script.get(`/api/workspaces/${slug}/documents`);
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toMatch(/revoked/);
    const write = await script.post(`/api/workspaces/${slug}/documents`, { data: { templateId, title: "After revocation" } });
    expect(write.status()).toBe(401);
    await script.dispose();
    // its owner sees that something still uses it: the refused calls are listed
    await expect(async () => {
      await page.goto("/settings");
      await listed.getByText(/Recent calls \(\d\)/).click();
      await expect(listed.getByRole("list", { name: "Recent calls of CI docs check" }).getByRole("listitem").first()).toContainText(/POST \/api\/workspaces\/:slug\/documents · 401/, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await page.goto(`/w/${slug}`);
    await expect(page.getByText("After revocation")).toHaveCount(0);
  });

  test("a workspace admin makes a read token on the Members page that works in that workspace only and only reads", async ({ page, playwright, baseURL }) => {
    const slug = await signUpAs(page, "Wim", uniqueEmail("wim"));
    await page.goto(`/w/${slug}/members`);
    const tokens = page.getByRole("region", { name: "Workspace API tokens" });
    await tokens.getByLabel("Token name").fill("Docs index");
    await tokens.getByRole("button", { name: "Create token" }).click();
    const secret = await tokens.getByRole("textbox", { name: "New token" }).inputValue();
    expect(secret).toMatch(/^swt_/);
    await expect(tokens.getByRole("listitem")).toContainText("by Wim");

    const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
    const described = (await (await script.get("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(described.paths)).toContain("/api/workspaces/{slug}/tokens");
    const mine = (await (await script.get("/api/workspaces")).json()) as { slug: string }[];
    expect(mine.map((w) => w.slug)).toEqual([slug]);
    const write = await script.post("/api/workspaces", { data: { name: "Not allowed" } });
    expect(write.status()).toBe(403);
    expect((await script.get(`/api/workspaces/${slug}/decisions`)).status()).toBe(200);
    await script.dispose();

    // the workspace's activity log names the token, and can show only what it did
    await page.goto(`/w/${slug}/members`);
    await tokens.getByRole("link", { name: "All activity of Docs index" }).click();
    await expect(page.getByRole("heading", { name: "Activity via token ‘Docs index’" })).toBeVisible();
    const entries = page.getByRole("list", { name: "Activity" }).getByRole("listitem");
    // its creation is about the token, not done through it
    const created = entries.filter({ hasText: "created the API token “Docs index”" });
    await expect(created).toContainText("token ‘Docs index’");
    await expect(created).not.toContainText("via token");
    await page.getByLabel("API token").selectOption("");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByRole("heading", { name: "All activity" })).toBeVisible();
    await expect(entries.filter({ hasText: "created the workspace" })).not.toContainText("via token");
  });
});
