// The test side of the cluster: where it is, how to act on it, and the steps journeys share.
import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import type { AppState } from "./cluster";
import type { CapturedMail } from "./smtp";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the cluster suite with playwright.cluster.config.ts`);
  return value;
}

export const cluster = {
  balancer: () => required("CLUSTER_BALANCER_URL"),
  /** the URL of app process `index` (0-based), bypassing the balancer */
  app: (index: number) => required("CLUSTER_APP_URLS").split(",")[index]!,
  databaseUrl: () => required("CLUSTER_DATABASE_URL"),
};

async function control<T>(method: "GET" | "POST", route: string): Promise<T> {
  const res = await fetch(`${required("CLUSTER_CONTROL_URL")}${route}`, { method });
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`cluster control ${method} ${route}: ${body.error ?? res.status}`);
  return body;
}

export const apps = () => control<AppState[]>("GET", "/apps");
export const killApp = (index: number) => control("POST", `/apps/${index}/kill`);
export const startApp = (index: number) => control("POST", `/apps/${index}/start`);
export const stopPostgres = () => control("POST", "/postgres/stop");
export const startPostgres = () => control("POST", "/postgres/start");
export const mails = () => control<CapturedMail[]>("GET", "/mails");

/** A SQL query on the cluster's PostgreSQL (a connection of its own, closed afterwards). */
export async function sql<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl() });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The stored plain text of a document's section (the projection the app writes beside the Yjs state). */
export async function storedText(documentId: string, sectionTitle: string): Promise<string> {
  const rows = await sql<{ text: string }>(`SELECT text FROM "Section" WHERE "documentId" = $1 AND title = $2`, [documentId, sectionTitle]);
  return rows[0]?.text ?? "";
}

export const PASSWORD = "a-good-long-password";

export function uniqueEmail(name: string): string {
  return `${name.toLowerCase()}-${randomBytes(4).toString("hex")}@example.test`;
}

/**
 * Signs a new person up on app process `on` the way mail-enabled sign-up works (the link
 * mailed to them creates the account), then signs in; the context keeps the session cookie,
 * valid on every process and port of localhost.
 */
export async function signUp(context: BrowserContext, name: string, on: string): Promise<{ email: string; userId: string; slug: string }> {
  const email = uniqueEmail(name);
  const res = await context.request.post(`${on}/api/signup`, { data: { name, email, password: PASSWORD } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  let token = "";
  await expect
    .poll(async () => {
      const mail = (await mails()).find((m) => m.to.includes(`<${email}>`));
      token = /verify-email\?token=([\w-]+)/.exec(mail?.data ?? "")?.[1] ?? "";
      return token;
    })
    .not.toBe("");
  const verified = await context.request.post(`${on}/api/verify-email`, { data: { token, password: PASSWORD } });
  expect(verified.status(), await verified.text()).toBe(200);
  const { workspace } = (await verified.json()) as { workspace: { slug: string } };
  const { csrfToken } = (await (await context.request.get(`${on}/api/auth/csrf`)).json()) as { csrfToken: string };
  const signedIn = await context.request.post(`${on}/api/auth/callback/credentials`, { form: { email, password: PASSWORD, csrfToken, json: "true", callbackUrl: "/" }, maxRedirects: 0 });
  expect(signedIn.status(), await signedIn.text()).toBeLessThan(400);
  const [user] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  return { email, userId: user!.id, slug: workspace.slug };
}

/** A new document from the Technical Design template; returns its id. */
export async function newDocument(context: BrowserContext, on: string, slug: string, title: string): Promise<string> {
  const templates = (await (await context.request.get(`${on}/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const template = templates.find((t) => t.key === "technical-design")!;
  const res = await context.request.post(`${on}/api/workspaces/${slug}/documents`, { data: { templateId: template.id, title } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Exactly the "Saved" status. */
export const SAVED = /^Saved$/;

export function savedStatus(page: Page): Locator {
  // the whole text: a string would match "Not saved, retrying" too (case-insensitive substring)
  return page.getByRole("status").filter({ hasText: SAVED });
}

/** Opens the document in a new page of `context` served by `base` (an app process or the balancer) and waits for "Saved". */
export async function openEditor(context: BrowserContext, base: string, slug: string, documentId: string, beforeLoad?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await context.newPage();
  await beforeLoad?.(page);
  await page.goto(`${base}/w/${slug}/d/${documentId}`);
  await expect(savedStatus(page)).toBeVisible({ timeout: 30_000 });
  return page;
}

/** Two contexts of one person: the second gets the first one's session. */
export async function secondContext(browser: Browser, first: BrowserContext): Promise<BrowserContext> {
  return browser.newContext({ storageState: await first.storageState() });
}

/** An editor's text without other people's carets (their name labels sit in the text). */
export function typedText(editor: Locator): Promise<string> {
  return editor.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return (copy.textContent ?? "").replaceAll("\u2060", "");
  });
}

/** Types at the end of a section's body. */
export async function typeAtEnd(page: Page, section: string, text: string): Promise<void> {
  const body = page.getByRole("textbox", { name: `${section} body` });
  // measured once the section's editor has started (it starts as the section comes near):
  // the read-only text it replaces may be laid out a few pixels differently
  await body.scrollIntoViewIfNeeded();
  await expect(body).toHaveClass(/ProseMirror/);
  const box = await body.boundingBox();
  // clicked at its end: a remote change arriving between the click and the key press may
  // put the caret back where the click left it
  await body.click(box ? { position: { x: box.width - 4, y: box.height - 4 } } : undefined);
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
}

/** Waits until the page says "Saved" for what was typed (two frames first, so a "Saved" from before the typing is not taken for it). */
export async function expectSaved(page: Page, timeout?: number): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await expect(savedStatus(page)).toBeVisible({ timeout });
}

/**
 * Which app process (app1, app2…, as HAProxy names them) each collaboration socket of `page`
 * was handed to, in order: the balancer's X-Specwright-Backend header on the upgrade answer.
 */
export async function watchSocketBackends(page: Page, backends: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.webSocketHandshakeResponseReceived", (event) => {
    const headers = event.response.headers as Record<string, string>;
    const name = Object.entries(headers).find(([key]) => key.toLowerCase() === "x-specwright-backend")?.[1];
    if (name) backends.push(name);
  });
}

/** How many collaboration sockets app process `index` handed to the process owning their document (its /metrics, read from this machine). */
export async function routedSockets(index: number): Promise<number> {
  const text = await (await fetch(`${cluster.app(index)}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith("collab_sockets_routed_total "));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}
