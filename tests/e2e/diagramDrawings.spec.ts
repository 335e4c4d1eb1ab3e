import { expect, test, type Page } from "./fixtures";
import { documentFromDefinition, signUpByApi, uniqueEmail } from "./support";

/** A string only Mermaid's own code holds (its API object), to tell whether the page loaded it. */
const IN_MERMAID = "mermaidAPI";

/** Collects the JavaScript the page fetches from now on, as text. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") void res.text().then((text) => scripts.push(text), () => {});
  });
  return scripts;
}

// A reader opens a document whose diagram the server has drawn before: the drawing is on
// screen with the page, and Mermaid's code is never fetched. Editing the diagram loads
// Mermaid, and the new source gets its own drawing, never the old one.
test("a diagram drawn before shows with the page, without Mermaid's code, and an edit draws it anew", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const slug = (await signUpByApi(page.request, "Dana Diagram", uniqueEmail("dana"))).workspace.slug;
  const label = `Ledger ${Date.now().toString(36)}`;
  const starter = ["Intro text.", "", "```mermaid", "flowchart LR", `    client[Client] --> ledger[${label}]`, "```"].join("\n");
  const doc = await documentFromDefinition(page, slug, {
    name: "Drawn",
    description: "One diagram",
    titlePattern: "Drawn",
    sections: [{ key: "architecture", title: "Architecture", depth: 1, starter }],
    signoffRoles: [{ key: "lead", name: "Lead", scope: [] }],
  });
  const url = `/w/${slug}/d/${doc.id}`;

  // the first visit finds no drawing: the browser draws it, and the server draws it for the next reader
  await page.goto(url);
  await expect(page.locator("#section-architecture").getByTestId("mermaid-preview")).toContainText(label);
  await expect.poll(async () => (await (await page.request.get(url)).text()).includes("aria-roledescription"), { timeout: 30_000 }).toBe(true);

  // the drawing is in the page as the server sends it: there at first paint, even without JavaScript
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const still = await noScript.newPage();
  await still.goto(url);
  await expect(still.locator("#section-architecture [data-type=mermaid-block]").getByTestId("mermaid-preview").locator("svg")).toContainText(label);
  await expect(still.locator("#section-architecture").getByLabel("Mermaid diagram source")).toContainText("flowchart LR");
  await noScript.close();

  const reader = await page.context().newPage();
  const scripts = scriptsOf(reader);
  await reader.goto(url);
  const block = reader.locator("#section-architecture [data-type=mermaid-block]");
  const drawing = block.getByTestId("mermaid-preview").locator("svg");
  await expect(drawing).toBeVisible();
  await expect(drawing).toContainText(label);
  // drawn by the server (its ids follow the source), not by this browser
  await expect(drawing).toHaveAttribute("id", /^mermaid-[0-9a-f]{16}$/);
  await expect(reader.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await reader.waitForTimeout(1_500); // the page's idle moments pass (it fetches ahead what diagrams need)
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => s.includes(IN_MERMAID))).toHaveLength(0);
  await expect(block.getByRole("button", { name: "Copy SVG" })).toBeEnabled();

  // reached by a link from the documents list (no HTML of its own): the server's drawing too, still without Mermaid's code
  const follower = await page.context().newPage();
  const followed = scriptsOf(follower);
  const fetched: string[] = [];
  follower.on("request", (req) => req.url().includes("/drawings") && fetched.push(req.url()));
  await follower.goto(`/w/${slug}`);
  await follower.getByRole("link", { name: "Drawn", exact: true }).click();
  await expect(follower).toHaveURL(new RegExp(`/d/${doc.id}$`));
  const linked = follower.locator("#section-architecture [data-type=mermaid-block]").getByTestId("mermaid-preview").locator("svg");
  await expect(linked).toContainText(label);
  await expect(linked).toHaveAttribute("id", /^mermaid-[0-9a-f]{16}$/);
  await follower.waitForTimeout(1_500);
  expect(followed.filter((s) => s.includes(IN_MERMAID))).toHaveLength(0);
  // fetched once (the page's data does not carry them again), and waited for before Mermaid would have been
  expect(fetched).toHaveLength(1);
  await follower.close();

  // an edit: Mermaid loads and draws the new source; the old drawing does not come back
  await block.getByLabel("Mermaid source").fill(`flowchart LR\n    client[Client] --> audit[Audit ${label}]`);
  await expect(drawing).toContainText(`Audit ${label}`);
  await expect(drawing).not.toHaveAttribute("id", /^mermaid-[0-9a-f]{16}$/);
  expect(scripts.some((s) => s.includes(IN_MERMAID))).toBe(true);
});
