import { verifySignature } from "../../lib/webhooks/sign";
import { startReceiver } from "../support/webhookReceiver";
import { expect, test } from "./fixtures";
import { documentFromDefinition, reviewPanel, signUpAs, uniqueEmail } from "./support";

const DEFINITION = {
  name: "Hook check",
  description: "One section, one sign-off role",
  titlePattern: "Ledger webhooks",
  sections: [{ key: "design", title: "Design", depth: 1, starter: "We tell CI when a design is ready." }],
  signoffRoles: [{ key: "tech_lead", name: "Technical Lead", scope: [] }],
};

test("an admin registers a webhook, submits a document, and sees the signed delivery and its answer", async ({ page }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver({ reply: "received by the test receiver" });
  try {
    const slug = await signUpAs(page, "Wanda", uniqueEmail("wanda"));

    await page.goto(`/w/${slug}/members`);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    // a URL that is not http(s) is refused, naming the field
    await page.getByLabel("Payload URL").fill("ftp://example.test/in");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Use an http or https URL.").first()).toBeVisible();

    await page.getByLabel("Payload URL").fill(receiver.url);
    await page.getByLabel("Description").fill("CI docs check");
    await page.getByRole("checkbox", { name: /submitted for review/ }).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByLabel("Signing secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const item = page.getByRole("listitem", { name: `Webhook ${receiver.url}` });
    await expect(item).toContainText("CI docs check");
    await expect(item).toContainText("review.requested");

    const doc = await documentFromDefinition(page, slug, DEFINITION);
    await page.goto(`/w/${slug}/d/${doc.id}`);
    await reviewPanel(page).getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("In Review").first()).toBeVisible();

    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const got = receiver.received[0]!;
    expect(verifySignature(secret, String(got.headers["specwright-signature"]), got.body)).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({ type: "review.requested", document: { id: doc.id, title: "Ledger webhooks" } });

    await page.goto(`/w/${slug}/webhooks`);
    await page.getByRole("listitem", { name: `Webhook ${receiver.url}` }).getByText("Recent deliveries").click();
    const delivery = page.getByRole("listitem", { name: "review.requested delivered" });
    await expect(delivery).toContainText("HTTP 200");
    await delivery.getByText("Response body").click();
    await expect(delivery).toContainText("received by the test receiver");
    await expect(delivery).toContainText(String(got.headers["specwright-event-id"]));

    // sent again on request: a second delivery of the same event, answered too
    await delivery.getByRole("button", { name: "Send review.requested again" }).click();
    await expect(page.getByRole("listitem", { name: "review.requested delivered" })).toHaveCount(2, { timeout: 30_000 });
    expect(receiver.received.map((r) => r.headers["specwright-event-id"])).toEqual([got.headers["specwright-event-id"], got.headers["specwright-event-id"]]);
  } finally {
    await receiver.stop();
  }
});
