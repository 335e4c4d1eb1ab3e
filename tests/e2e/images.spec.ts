import { writeFile } from "node:fs/promises";
import { expect, test, type Browser } from "./fixtures";
import { strToU8, unzipSync, zipSync } from "fflate";
import { pngOf } from "../support/images";
import { rasterImageCount } from "../support/pdf";
import { documentInTwoBrowsers, signUpAs, uniqueEmail } from "./support";

// ProseMirror puts separator images of its own into the text
const PICTURE = ".sw-image img";
const PNG = pngOf(120, 60, [220, 38, 38]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40" onload="alert(1)"><script>alert(2)</script><rect width="80" height="40" fill="#2563eb"/></svg>';

function twoBrowsers(browser: Browser) {
  return documentInTwoBrowsers(browser, { person: "Iris", title: "Pictured design" });
}

test("an image uploaded into a section shows everywhere, keeps its alt text and leaves with the exports", async ({ browser }, info) => {
  test.setTimeout(240_000);
  const { a, b, url, slug, documentId } = await twoBrowsers(browser);
  const before = (await (await a.request.post(`/api/documents/${documentId}/versions`, { data: { label: "before pictures" } })).json()) as { number: number };
  const bodyA = a.getByRole("textbox", { name: "Overview body" });
  const bodyB = b.getByRole("textbox", { name: "Overview body" });

  // "/" → Image opens the file picker; the picture appears once it is stored. The picker is
  // awaited from here, well before it opens: Playwright turns on catching it only when the
  // first listener is added, and a picker opened before that (Enter pressed at once, on a
  // busy machine) is cancelled by the headless browser instead
  const chooserOpened = a.waitForEvent("filechooser");
  await bodyA.click();
  await a.keyboard.press("End");
  await a.keyboard.press("Enter");
  await a.keyboard.type("/image");
  await a.keyboard.press("Enter");
  const chooser = await chooserOpened;
  await chooser.setFiles({ name: "red-banner.png", mimeType: "image/png", buffer: PNG });
  const imageA = bodyA.locator(PICTURE);
  await expect(imageA).toHaveAttribute("src", /^\/api\/images\/[A-Za-z0-9_-]+$/);
  await expect(imageA).toHaveAttribute("alt", "red-banner");
  await expect.poll(() => imageA.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  const src = (await imageA.getAttribute("src"))!;
  await expect(bodyB.locator(`img[src="${src}"]`)).toBeVisible();

  // the alt text is edited in place and reaches the other browser
  await bodyA.getByRole("button", { name: "Edit alt text: red-banner" }).click();
  const field = bodyA.getByRole("textbox", { name: "Alt text" });
  await field.fill("Request flow, red for the failing path");
  await field.press("Enter");
  await expect(bodyB.locator(PICTURE)).toHaveAttribute("alt", "Request flow, red for the failing path");

  // a pasted SVG is stored without its scripts
  await bodyA.click();
  await a.keyboard.press("End");
  await bodyA.evaluate((el, svg) => {
    const data = new DataTransfer();
    data.items.add(new File([svg], "chart.svg", { type: "image/svg+xml" }));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, SVG);
  await expect(bodyA.locator(PICTURE)).toHaveCount(2);
  const svgSrc = (await bodyA.locator(PICTURE).nth(1).getAttribute("src"))!;
  const svg = await a.request.get(svgSrc);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");
  expect(svg.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
  expect(svg.headers()["x-content-type-options"]).toBe("nosniff");
  expect(svg.headers()["cache-control"]).toContain("immutable");
  expect(await svg.text()).not.toMatch(/script|onload/);

  // a file that is not an image is refused with a message, and nothing is inserted
  await bodyA.evaluate((el) => {
    const data = new DataTransfer();
    data.items.add(new File(["<html><script>alert(1)</script></html>"], "fake.png", { type: "image/png" }));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(a.getByText("fake.png was not added: This file is not a PNG, JPEG, GIF, WebP or SVG image.")).toBeVisible();
  await expect(bodyA.locator(PICTURE)).toHaveCount(2);

  // the other person drops an image file onto the section
  const box = (await bodyB.boundingBox())!;
  await bodyB.evaluate(
    (el, { bytes, x, y }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], "dropped.png", { type: "image/png" }));
      el.dispatchEvent(new DragEvent("drop", { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { bytes: [...pngOf(8, 8, [0, 160, 0])], x: box.x + box.width - 4, y: box.y + box.height - 4 },
  );
  await expect(bodyA.locator(PICTURE)).toHaveCount(3);
  await expect(bodyA.locator(`${PICTURE}[alt="dropped"]`)).toBeVisible();

  // after a reload the picture and its alt text are still there
  await expect(a.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await a.reload();
  await expect(a.getByRole("textbox", { name: "Overview body" }).locator(`img[src="${src}"]`)).toHaveAttribute("alt", "Request flow, red for the failing path");

  // the history shows it: the diff since the first version and a read-only version
  await a.goto(`${url}/history?from=${before.number}&to=current`);
  const added = a.getByTestId("image-diff").filter({ has: a.locator(`img[src="${src}"]`) });
  await expect(added).toHaveAttribute("data-status", "added");
  await expect(added).toContainText("Request flow, red for the failing path");
  const named = (await (await a.request.post(`/api/documents/${documentId}/versions`, { data: { label: "with pictures" } })).json()) as { number: number };
  await a.reload();
  await a.getByRole("link", { name: `v${named.number}`, exact: true }).click();
  await expect(a.getByTestId("version-view").locator(`img[src="${src}"]`)).toHaveAttribute("alt", "Request flow, red for the failing path");

  // the PDF carries the picture itself
  const pdf = await a.request.get(`/api/documents/${documentId}/export.pdf`, { timeout: 120_000 });
  expect(pdf.status()).toBe(200);
  const pdfBytes = await pdf.body();
  await writeFile(info.outputPath("pictured.pdf"), pdfBytes);
  expect(rasterImageCount(pdfBytes)).toBeGreaterThanOrEqual(1);

  // the Markdown refers to the files by relative path, and the zip holds them beside it
  const id = src.split("/").pop()!;
  const markdown = await (await a.request.get(`/api/documents/${documentId}/export.md`)).text();
  expect(markdown).toContain(`![Request flow, red for the failing path](images/${id}.png)`);
  expect(markdown).not.toContain("/api/images/");
  const zip = unzipSync(await (await a.request.get(`/api/workspaces/${slug}/export.zip`)).body());
  expect(Buffer.from(zip[`images/${id}.png`]!).equals(PNG)).toBe(true);
  expect(Object.keys(zip).filter((name) => name.startsWith("images/")).map((name) => name.split(".").pop()).sort()).toEqual(["png", "png", "svg"]);
});

test("images are for members of their workspace only", async ({ browser, playwright, baseURL }) => {
  const owner = await (await browser.newContext()).newPage();
  const slug = await signUpAs(owner, "Hana", uniqueEmail("hana"));
  const templates = (await (await owner.request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string }[];
  const { id } = (await (await owner.request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: templates[0]!.id } })).json()) as { id: string };
  const upload = (file: { name: string; mimeType: string; buffer: Buffer }) => owner.request.post(`/api/documents/${id}/images`, { multipart: { file } });

  const stored = await upload({ name: "a.png", mimeType: "image/png", buffer: PNG });
  expect(stored.status()).toBe(201);
  const { src } = (await stored.json()) as { src: string };
  expect((await upload({ name: "big.png", mimeType: "image/png", buffer: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]) })).status()).toBe(413);
  expect((await upload({ name: "page.png", mimeType: "image/png", buffer: Buffer.from("<html></html>") })).status()).toBe(415);
  expect((await owner.request.get(src)).status()).toBe(200);

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(src)).status()).toBe(401);
  const outsider = await (await browser.newContext()).newPage();
  await signUpAs(outsider, "Otto", uniqueEmail("otto"));
  expect((await outsider.request.get(src)).status()).toBe(404);
  expect((await outsider.request.post(`/api/documents/${id}/images`, { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: PNG } } })).status()).toBe(404);
});

test("a zip of Markdown files brings its images along, and names the ones it lacks", async ({ page }) => {
  const slug = await signUpAs(page, "Zora", uniqueEmail("zora"));
  const zip = zipSync({
    "adr/0001-use-postgres.md": strToU8("# Use PostgreSQL\n\n## Decision\n\n![Schema](img/schema.png)\n\n![Old sketch](img/sketch.png)\n"),
    "adr/img/schema.png": PNG,
  });
  await page.goto(`/w/${slug}/import`);
  const form = page.getByRole("region", { name: "Import a zip" });
  await form.getByLabel("Zip file").setInputFiles({ name: "adrs.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  await form.getByRole("button", { name: "Import zip" }).click();
  const imported = form.getByRole("list", { name: "Imported documents" });
  await expect(imported).toContainText("from adr/0001-use-postgres.md, 1 image(s)");
  await expect(form.getByRole("list", { name: "Images not imported for Use PostgreSQL" })).toContainText("img/sketch.png: no such file in the import");
  await imported.getByRole("link", { name: "Use PostgreSQL" }).click();
  const decision = page.getByRole("textbox", { name: "Decision body" });
  await expect(decision.locator('.sw-image img[alt="Schema"]')).toHaveAttribute("src", /^\/api\/images\//);
  await expect.poll(() => decision.locator('.sw-image img[alt="Schema"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
});
