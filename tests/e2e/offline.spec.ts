import { expect, test } from "./fixtures";
import { signUpAs, uniqueEmail } from "./support";

// The restart journey once lost the editor to "Something went wrong": the server stopped
// while answering the comment poll, and the cut-off answer reached the page as data.
test("the editor stays when the server's answers are cut off and code cannot load", async ({ page }) => {
  const slug = await signUpAs(page, "Olive", uniqueEmail("olive"));
  const templates = (await (await page.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string }[];
  const doc = (await (await page.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: templates[0]!.id } })).json()) as { id: string };
  await page.goto(`/w/${slug}/d/${doc.id}`);
  const saved = page.getByRole("status").filter({ hasText: /^Saved$/ });
  await expect(saved).toBeVisible();

  // from now on every API answer stops mid-body, and code not loaded yet cannot be fetched
  // (the collaboration socket stays up)
  await page.route("**/api/**", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '[{"id":"t1","sectionKey":' }));
  await page.route("**/_next/static/**", (route) => route.abort("connectionrefused"));
  // the comment and review polls get such answers
  await Promise.all([page.waitForResponse(/\/comments$/), page.waitForResponse(/\/review$/)]);

  // focusing a section loads its toolbar's code for the first time: it fails, the text does not
  const body = page.getByRole("textbox", { name: /body$/ }).first();
  await body.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Typed with the server half gone.");
  await expect(saved).toBeVisible();
  await expect(body).toContainText("Typed with the server half gone.");
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
});
