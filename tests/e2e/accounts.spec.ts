import { expect, test } from "./fixtures";
import { PASSWORD, signInByApi, signUpByApi, signUpInUi, uniqueEmail } from "./support";

test.describe("sessions", () => {
  test("a cookie that signed out no longer works, not even replayed", async ({ playwright, baseURL }) => {
    const browserLike = await playwright.request.newContext({ baseURL });
    await signUpByApi(browserLike, "Sam");
    expect((await browserLike.get("/api/me")).status()).toBe(200);
    const stolen = await browserLike.storageState();
    const { csrfToken } = (await (await browserLike.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await browserLike.post("/api/auth/signout", { form: { csrfToken, json: "true" } });

    const replay = await playwright.request.newContext({ baseURL, storageState: stolen });
    expect((await replay.get("/api/me")).status()).toBe(401);
    await replay.dispose();
    await browserLike.dispose();
  });

  test("sign out everywhere ends the other devices' sessions", async ({ playwright, baseURL }) => {
    const laptop = await playwright.request.newContext({ baseURL, userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" });
    const phone = await playwright.request.newContext({ baseURL });
    const { user } = await signUpByApi(laptop, "Pat");
    expect((await signInByApi(phone, user.email)).status()).toBe(200);
    const sessions = (await (await laptop.get("/api/me/sessions")).json()) as { device: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.current)?.device).toBe("Firefox on Linux");

    expect((await laptop.delete("/api/me/sessions")).status()).toBe(204);
    expect((await phone.get("/api/me")).status()).toBe(401);
    expect((await laptop.get("/api/me")).status()).toBe(401);
    await laptop.dispose();
    await phone.dispose();
  });

  test("the settings page lists this device and signs another one out", async ({ page, playwright, baseURL }) => {
    const email = uniqueEmail("Lee");
    await signUpInUi(page, "Lee", email);
    const other = await playwright.request.newContext({ baseURL });
    expect((await signInByApi(other, email, PASSWORD)).status()).toBe(200);

    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { name: "Where you are signed in" })).toBeVisible();
    await expect(page.getByText("This device")).toHaveCount(1);
    const sessions = page.getByRole("region", { name: "Where you are signed in" }).getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    await sessions.filter({ hasNotText: "This device" }).getByRole("button", { name: /^Sign out/ }).click();
    await expect(sessions).toHaveCount(1);
    await expect(sessions).toContainText("This device");
    expect((await other.get("/api/me")).status()).toBe(401);
    await other.dispose();
  });

  test("changing the password signs the other devices out", async ({ playwright, baseURL }) => {
    const here = await playwright.request.newContext({ baseURL });
    const there = await playwright.request.newContext({ baseURL });
    const { user } = await signUpByApi(here, "Cas");
    await signInByApi(there, user.email);
    const wrong = await here.post("/api/me/password", { data: { currentPassword: "not-it", newPassword: "a-newer-long-password" } });
    expect(wrong.status()).toBe(400);
    const changed = await here.post("/api/me/password", { data: { currentPassword: PASSWORD, newPassword: "a-newer-long-password" } });
    expect(changed.status()).toBe(204);
    expect((await here.get("/api/me")).status()).toBe(200);
    expect((await there.get("/api/me")).status()).toBe(401);
    await here.dispose();
    await there.dispose();
  });
});

test.describe("email confirmation without mail", () => {
  test("an admin sees a member's unconfirmed address and confirms it", async ({ page, playwright, baseURL }) => {
    await signUpInUi(page, "Olga", uniqueEmail("olga"));
    const slug = new URL(page.url()).pathname.split("/")[2]!;
    const member = await playwright.request.newContext({ baseURL });
    const { user } = await signUpByApi(member, "Mike");
    const invited = await page.request.post(`/api/workspaces/${slug}/invites`, { data: { email: user.email, role: "viewer" } });
    const { invite } = (await invited.json()) as { invite: { path: string } };
    const token = invite.path.split("/").pop()!;
    expect((await member.post(`/api/invites/${token}/accept`)).status()).toBe(201);

    await page.goto(`/w/${slug}/members`);
    const row = page.getByRole("row", { name: /Mike/ });
    await expect(row).toContainText("not confirmed");
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Confirm email of Mike" }).click();
    await expect(page.getByText(`${user.email} is confirmed.`)).toBeVisible();
    await expect(row).not.toContainText("not confirmed");
    await member.dispose();
  });
});
