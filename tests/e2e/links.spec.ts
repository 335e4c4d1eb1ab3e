import { expect, test } from "./fixtures";
import { documentInTwoBrowsers } from "./support";

test("a link is made, changed and removed in the link form, and reaches the other browser", async ({ browser }) => {
  const { a, b } = await documentInTwoBrowsers(browser, { person: "Lena", title: "Linked design" });
  const bodyA = a.getByRole("textbox", { name: "Overview body" });
  const bodyB = b.getByRole("textbox", { name: "Overview body" });
  const form = a.getByRole("form", { name: "Link" });
  const address = form.getByLabel("Link address");

  // Ctrl/Cmd+K on a selection opens the form, not a browser prompt
  const dialogs: string[] = [];
  a.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await bodyA.click();
  await a.keyboard.press("End");
  await a.keyboard.press("Enter");
  await a.keyboard.type("See the runbook");
  await a.keyboard.press("Shift+Home");
  await a.keyboard.press("ControlOrMeta+k");
  await expect(address).toBeFocused();
  await expect(address).toHaveValue("");

  // an unsafe address is refused with the reason, and nothing is linked
  await address.fill("javascript:alert(1)");
  await a.keyboard.press("Enter");
  await expect(form.getByRole("alert")).toHaveText("Links must start with http://, https:// or mailto:.");
  await expect(bodyA.locator("a")).toHaveCount(0);

  await address.fill("https://runbooks.example.com/deploy");
  await a.keyboard.press("Enter");
  await expect(form).toBeHidden();
  await expect(bodyA).toBeFocused();
  const linkB = bodyB.getByRole("link", { name: "See the runbook" });
  await expect(linkB).toHaveAttribute("href", "https://runbooks.example.com/deploy");

  // the toolbar's button opens the form on the link under the caret, with its address
  await a.keyboard.press("ArrowLeft");
  await a.getByRole("toolbar", { name: "Formatting for Overview" }).getByRole("button", { name: "Link", exact: true }).click();
  await expect(address).toHaveValue("https://runbooks.example.com/deploy");
  await address.fill("https://runbooks.example.com/rollback");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(linkB).toHaveAttribute("href", "https://runbooks.example.com/rollback");

  // Escape closes the form and changes nothing
  await a.keyboard.press("ControlOrMeta+k");
  await address.fill("https://elsewhere.example/");
  await a.keyboard.press("Escape");
  await expect(form).toBeHidden();
  await expect(bodyA).toBeFocused();
  await expect(linkB).toHaveAttribute("href", "https://runbooks.example.com/rollback");

  // "Remove link" leaves the text
  await a.keyboard.press("ControlOrMeta+k");
  await form.getByRole("button", { name: "Remove link" }).click();
  await expect(bodyB.locator("a")).toHaveCount(0);
  await expect(bodyB).toContainText("See the runbook");

  // with nothing selected, the address goes in as linked text
  await a.keyboard.press("End");
  await a.keyboard.type(" at ");
  await a.keyboard.press("ControlOrMeta+k");
  await address.fill("https://status.example.com");
  await a.keyboard.press("Enter");
  await expect(bodyB.getByRole("link", { name: "https://status.example.com" })).toHaveAttribute("href", "https://status.example.com");
  expect(dialogs).toEqual([]);
});

test("[text](address) typed becomes linked text as the bracket closes; an address a link may not have stays as typed", async ({ browser }) => {
  const { a, b } = await documentInTwoBrowsers(browser, { person: "Mark", title: "Typed links" });
  const bodyA = a.getByRole("textbox", { name: "Overview body" });
  const bodyB = b.getByRole("textbox", { name: "Overview body" });
  await bodyA.click();
  await a.keyboard.press("End");
  await a.keyboard.press("Enter");
  await a.keyboard.type("Read **[the guide](https://guide.example.com/start)** first, not [this](javascript:void) or ![that](https://img.example.com/a.png).");
  const guide = bodyB.getByRole("link", { name: "the guide" });
  await expect(guide).toHaveAttribute("href", "https://guide.example.com/start");
  // the marks around it stay: bold
  await expect(bodyB.locator("strong")).toHaveText("the guide");
  await expect(bodyB.locator("a")).toHaveCount(1);
  await expect(bodyB).toContainText("first, not [this](javascript:void) or ![that](https://img.example.com/a.png).");
  // typing on after the link is plain text
  await expect(bodyA.getByRole("link")).toHaveText("the guide");
});
