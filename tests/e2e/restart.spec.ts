import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "./fixtures";
import { signInByApi, signUpInUi, uniqueEmail } from "./support";

// the journey runs its own server, on its own port, beside the suite's shared one
const basePort = Number(process.env.E2E_PORT ?? 3107);

function startApp(dataDir: string, port: number): ChildProcess {
  const baseURL = `http://localhost:${port}`;
  return spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), SPECWRIGHT_DATA_DIR: dataDir, SPECWRIGHT_SKIP_BUILD: "1", LOG_LEVEL: "warn", NEXTAUTH_URL: baseURL },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

// as long as playwright.config.ts gives the suite's own server: a first start (a new
// PostgreSQL cluster, every migration, the demo user, Next.js) on a loaded 2-core machine
// took more than the 90 s this wait once had
async function waitUntilReady(baseURL: string): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseURL}/api/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not become ready");
}

function stop(app: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    app.once("exit", (code) => resolve(code));
    app.kill("SIGINT");
  });
}

/** A journey that fails half-way must not leave its server and that server's PostgreSQL running. */
async function stopIfRunning(app: ChildProcess | undefined): Promise<void> {
  if (app && app.exitCode === null && app.signalCode === null) await stop(app);
}

test("a restart keeps accounts, sessions and what the editor showed as Saved, and stops PostgreSQL cleanly", async ({ browser }) => {
  test.setTimeout(600_000); // two starts of up to 240 s each
  const port = basePort + 1;
  const baseURL = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "specwright-restart-"));
  let app: ChildProcess | undefined;
  try {
    app = startApp(dataDir, port);
    await waitUntilReady(baseURL);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const email = uniqueEmail("sage");
    await signUpInUi(page, "Sage", email);
    const slug = new URL(page.url()).pathname.split("/")[2]!;
    const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
    const doc = (await (await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: templates[0]!.id } })).json()) as { id: string };
    await page.goto(`/w/${slug}/d/${doc.id}`);
    const body = page.getByRole("textbox", { name: /body$/ }).first();
    await body.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Typed just before the restart.");
    await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

    expect(await stop(app)).toBe(0);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    await expect(page.getByRole("status").filter({ hasText: /Offline|Connecting/ })).toBeVisible();

    app = startApp(dataDir, port);
    await waitUntilReady(baseURL);
    // the old session cookie is still valid: the secret is kept under the data dir
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).workspaces.map((w: { slug: string }) => w.slug)).toEqual([slug]);
    // the password still works
    const fresh = await playwrightRequest.newContext({ baseURL });
    expect((await signInByApi(fresh, email)).status()).toBe(200);
    expect((await (await fresh.get("/api/me")).json()).user.email).toBe(email);
    await fresh.dispose();
    // and what showed as Saved is there
    await page.reload();
    await expect(page.getByRole("textbox", { name: /body$/ }).first()).toContainText("Typed just before the restart.");
    await context.close();
    expect(await stop(app)).toBe(0);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  } finally {
    await stopIfRunning(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
