import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { diffLines } from "diff";
import { strToU8, zipSync } from "fflate";
import { pngOf } from "../support/images";
import { signUpAs, uniqueEmail } from "./support";

// a real multi-section proposal: front matter, HTML comments, an image, footnote and reference definitions
const FILE = path.resolve(import.meta.dirname, "../fixtures/design-docs/eip-8173.md");
const SOURCE = readFileSync(FILE, "utf8");
const IMAGE_PATH = "../assets/eip-8173/control-flow.svg";
const PARAGRAPH = "This Informational proposal itself specifies no changes to the protocol.";
const ADDED = " Reviewed in the browser.";

/** The lines a diff removes and adds, in order. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const parts = diffLines(a, b);
  const lines = (p: { value: string }) => p.value.replace(/\n$/, "").split("\n");
  return { removed: parts.filter((p) => p.removed).flatMap(lines), added: parts.filter((p) => p.added).flatMap(lines) };
}

test("a real proposal imported from a zip, edited in one paragraph and exported differs from its file only in that paragraph", async ({ page }, info) => {
  test.setTimeout(180_000);
  expect(SOURCE.startsWith("---\n") && SOURCE.includes("<!--") && SOURCE.includes(`](${IMAGE_PATH})`) && SOURCE.includes("\n[^1]:")).toBe(true);
  const slug = await signUpAs(page, "Rosalind", uniqueEmail("rosalind"));

  // the preview says the file comes back as it is
  await page.goto(`/w/${slug}/import`);
  await page.getByLabel("Markdown file").setInputFiles(FILE);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("Exported right after the import, this file reads the same as it does now.")).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByRole("region", { name: "Won't come back identical" })).toHaveCount(0);

  // the zip: the file in its folder and a picture at the path it names
  const zip = zipSync({ "EIPS/eip-8173.md": strToU8(SOURCE), "assets/eip-8173/control-flow.svg": pngOf(40, 20, [20, 90, 200]) });
  const form = page.getByRole("region", { name: "Import a zip" });
  await form.getByLabel("Zip file").setInputFiles({ name: "eips.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  await form.getByRole("button", { name: "Import zip" }).click();
  const imported = form.getByRole("list", { name: "Imported documents" });
  await expect(imported).toContainText("from EIPS/eip-8173.md, 1 image(s)", { timeout: 30_000 });
  await imported.getByRole("link", { name: "Foundations of EVM Control Flow" }).click();
  await page.waitForURL(/\/d\//);
  const documentId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("textbox", { name: "EVM: Any Jump, Anywhere body" }).locator('img[alt="Control flow graphs"]')).toHaveAttribute("src", /^\/api\/images\//);
  await page.screenshot({ path: info.outputPath("imported-document.png"), fullPage: false });

  // one sentence typed at the end of one paragraph
  const body = page.getByRole("textbox", { name: "Security Considerations body" });
  const paragraph = body.locator("p", { hasText: PARAGRAPH });
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await paragraph.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.keyboard.type(ADDED);
  await expect(paragraph).toContainText(`rather, it helps to motivate and contextualize them.${ADDED}`);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 30_000 });

  // the export differs from the file in that paragraph's line only
  const exportNow = async () => (await page.request.get(`/api/documents/${documentId}/export.md`)).text();
  await expect.poll(exportNow, { timeout: 30_000 }).toContain(ADDED);
  const exported = await exportNow();
  const line = SOURCE.split("\n").find((l) => l.startsWith(PARAGRAPH))!;
  expect(changedLines(SOURCE, exported)).toEqual({ removed: [line], added: [`${line}${ADDED}`] });
  expect(exported).toContain(`![Control flow graphs](${IMAGE_PATH})`);
});
