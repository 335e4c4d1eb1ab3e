import { randomBytes } from "node:crypto";
import type { APIRequest, APIRequestContext, Browser, Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

export function uniqueEmail(name: string): string {
  return `${name.toLowerCase()}-${randomBytes(4).toString("hex")}@example.test`;
}

export const PASSWORD = "a-good-long-password";

/** Signs up through the UI and waits for the workspace page. */
/**
 * Headers that make a sign-up come from an address range of its own, as people signing up
 * do: the suite's hundred-odd sign-ups from one machine would pass the sign-up limit of one
 * range (lib/limits/limit.ts) within the hour (the suite's server trusts X-Forwarded-For).
 */
export function signUpFrom(): Record<string, string> {
  const part = () => Math.floor(Math.random() * 254) + 1;
  return { "x-forwarded-for": `10.${part()}.${part()}.7` };
}

export async function signUpInUi(page: Page, name: string, email: string): Promise<void> {
  await page.setExtraHTTPHeaders(signUpFrom());
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[a-z0-9-]+$/);
}

export async function signInInUi(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs the page's person up and in through the HTTP API, from an address range of their own
 * (the page keeps it), and returns their new workspace's slug. For journeys about something
 * else: the sign-up and sign-in forms have journeys of their own (onboarding, accounts, the new
 * user's journey), and going through them cost every other journey two page loads.
 */
export async function signUpAs(page: Page, name: string, email: string): Promise<string> {
  const from = signUpFrom();
  await page.setExtraHTTPHeaders(from);
  const res = await page.request.post("/api/signup", { headers: from, data: { name, email, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(201);
  await signInAs(page, email);
  return ((await res.json()) as { workspace: { slug: string } }).workspace.slug;
}

/** Signs the page's person in through the HTTP API: the page's context keeps the session. */
export async function signInAs(page: Page, email: string, password = PASSWORD): Promise<void> {
  expect((await signInByApi(page.request, email, password)).status()).toBe(200);
}

/** Signs up and signs in through the HTTP API; the request context keeps the session cookie. */
export async function signUpByApi(request: APIRequestContext, name: string, email = uniqueEmail(name)) {
  const res = await request.post("/api/signup", { headers: signUpFrom(), data: { name, email, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { user: { id: string; email: string }; workspace: { slug: string } };
  await signInByApi(request, email);
  return body;
}

export async function signInByApi(request: APIRequestContext, email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true", callbackUrl: "/" },
    headers,
    maxRedirects: 0,
  });
}

/** The form's own alert (Next.js adds an empty route announcer with the same role). */
/** A document's review in the side panel: its steps are also offered, by the same names, in the status bar. */
export function reviewPanel(page: Page): Locator {
  return page.getByRole("region", { name: "Review", exact: true });
}

/** The status bar under a document's title. */
export function statusBar(page: Page): Locator {
  return page.getByRole("group", { name: "Status bar" });
}

export function formAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/**
 * A workspace template with `definition` (a copy of a built-in, rewritten through the API)
 * and a new document made from it, as the signed-in `page`'s user.
 */
export async function documentFromDefinition(page: Page, slug: string, definition: Record<string, unknown>): Promise<{ id: string; templateId: string; number: string }> {
  const builtin = ((await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string }[])[0]!;
  const copy = (await (await page.request.post(`/api/workspaces/${slug}/templates/${builtin.id}/duplicate`, { data: {} })).json()) as { id: string; key: string };
  const patched = await page.request.patch(`/api/workspaces/${slug}/templates/${copy.id}`, { data: { definition: { ...definition, key: copy.key }, expectedVersion: 1 } });
  expect(patched.status(), await patched.text()).toBe(200);
  const doc = (await (await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: copy.id } })).json()) as { id: string; number: string };
  return { id: doc.id, templateId: copy.id, number: doc.number };
}

/**
 * One person's new document open in two browsers of theirs (A signed up, B signed in), both
 * showing "Saved": the start of every live-editing journey. Signing up and in go through
 * the API (the browsers share its cookies): their pages have journeys of their own, and on
 * a busy machine rendering them twice more cost these journeys a quarter of their time.
 */
export async function documentInTwoBrowsers(browser: Browser, names: { person: string; title: string }): Promise<{ a: Page; b: Page; url: string; slug: string; documentId: string }> {
  const email = uniqueEmail(names.person.toLowerCase());
  const a = await (await browser.newContext()).newPage();
  const slug = (await signUpByApi(a.request, names.person, email)).workspace.slug;
  const templates = (await (await a.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const template = templates.find((t) => t.key === "technical-design")!;
  const doc = (await (await a.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id, title: names.title } })).json()) as { id: string };
  const url = `/w/${slug}/d/${doc.id}`;
  const b = await (await browser.newContext()).newPage();
  expect((await signInByApi(b.request, email)).status()).toBe(200);
  await Promise.all([a.goto(url), b.goto(url)]);
  await Promise.all([expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible(), expect(b.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible()]);
  return { a, b, url, slug, documentId: doc.id };
}

/**
 * Pastes plain text into an element as the browser would (a paste event carrying text/plain).
 * The editor learns of a selection made by keys (Shift+Home) from the browser's
 * `selectionchange` event, a task of its own: a person's paste comes long after it, so the
 * paste waits for the page's next frame and the task after it. Dispatched at once, it once
 * replaced the caret instead of the selected words.
 */
export async function pasteText(target: Locator, text: string): Promise<void> {
  await target.evaluate(async (el, pasted) => {
    await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Waits until no transition or finite animation is running: colours as they settle. A
 * section's controls fade in when the focus enters it, and axe reading them halfway (partly
 * transparent) reports a contrast the reader never sees.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
}

/**
 * Someone the owner (`owner`'s page) invites to the workspace `slug` with `role`: they sign up
 * through the invitation, then sign in in a browser of their own, which lands in a workspace.
 */
export async function invitedMember(
  browser: Browser,
  playwright: { request: APIRequest },
  baseURL: string | undefined,
  invite: { owner: Page; slug: string; name: string; role: "admin" | "editor" | "viewer" },
): Promise<{ page: Page; email: string; id: string }> {
  const email = uniqueEmail(invite.name.toLowerCase());
  const made = (await (await invite.owner.request.post(`/api/workspaces/${invite.slug}/invites`, { data: { email, role: invite.role } })).json()) as { invite: { path: string } };
  const api = await playwright.request.newContext({ baseURL });
  const signup = await api.post("/api/signup", { headers: signUpFrom(), data: { name: invite.name, email, password: PASSWORD, inviteToken: made.invite.path.split("/").pop() } });
  expect(signup.status(), await signup.text()).toBe(201);
  const id = ((await signup.json()) as { user: { id: string } }).user.id;
  await api.dispose();
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email);
  return { page, email, id };
}
