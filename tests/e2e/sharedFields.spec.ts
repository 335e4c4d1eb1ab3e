import { expect, test, type Page } from "./fixtures";
import { signInAs, signUpAs, uniqueEmail } from "./support";

const summary = (page: Page) => page.getByRole("group", { name: "Fields of 1. Architecture Overview" }).getByLabel("Summary");

test("two people typing into one text field at once both keep their text, after a reload too", async ({ browser }) => {
  const email = uniqueEmail("fields");
  const a = await (await browser.newContext()).newPage();
  const slug = await signUpAs(a, "Fay", email);
  const templates = (await (await a.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
  const template = templates.find((t) => t.key === "enterprise-design")!;
  const doc = (await (await a.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id, title: "Fields" } })).json()) as { id: string };
  const url = `/w/${slug}/d/${doc.id}`;
  const b = await (await browser.newContext()).newPage();
  await signInAs(b, email);
  await Promise.all([a.goto(url), b.goto(url)]);

  await summary(a).fill("Specwright walk");
  await expect(summary(b)).toHaveValue("Specwright walk");
  await summary(a).click();
  await a.keyboard.press("End");
  await summary(b).click();
  await b.keyboard.press("Home");
  await Promise.all([a.keyboard.type(" ALPHA", { delay: 40 }), b.keyboard.type("BETA ", { delay: 40 })]);

  const merged = "BETA Specwright walk ALPHA";
  await expect(summary(a)).toHaveValue(merged);
  await expect(summary(b)).toHaveValue(merged);
  await expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(b.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await b.reload();
  await expect(summary(b)).toHaveValue(merged);
});
