import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PMDoc } from "@/lib/editor/schema";
import { uploadImage } from "@/lib/images/storeImage";
import { importDocument } from "@/lib/import/importDocument";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { pngOf } from "../../support/images";

const scratch = mkdtempSync(path.join(os.tmpdir(), "specwright-cli-images-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.resolve("node_modules/.bin/tsx"), ["scripts/specwright.ts", ...args], { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL }, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("specwright export and import with images", () => {
  it("writes images beside the Markdown, and a folder import brings them back", { timeout: 180_000 }, async () => {
    const ws = await makeWorkspace();
    const { document } = await importDocument(ctxFor(ws.owner), { slug: ws.slug, markdown: "# Pictures\n\n## Design\n\nText.\n" });
    const png = pngOf(6, 3, [10, 200, 30]);
    const stored = await uploadImage(ctxFor(ws.owner), { documentId: document.id, fileName: "green.png" }, png);
    const section = await testDb().section.findFirstOrThrow({ where: { documentId: document.id }, orderBy: { position: "asc" } });
    const body: PMDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "image", attrs: { src: stored.src, alt: "Green", title: null, reference: null, referenceType: null } }] }] };
    await testDb().section.update({ where: { id: section.id }, data: { body: body as object } });

    const out = path.join(scratch, "export");
    const exported = await cli(["export", out, "--workspace", ws.slug]);
    expect(exported.stderr).toBe("");
    expect(exported.stdout).toContain("1 image(s)");
    expect(readFileSync(path.join(out, "images", `${stored.id}.png`)).equals(png)).toBe(true);
    expect(readFileSync(path.join(out, "pictures.md"), "utf8")).toContain(`![Green](images/${stored.id}.png)`);

    // a folder as a team keeps it in Git: a document beside its images, one of them missing
    const folder = path.join(scratch, "repo");
    mkdirSync(path.join(folder, "rfcs", "assets"), { recursive: true });
    writeFileSync(path.join(folder, "rfcs", "0001-design.md"), "# RFC 1\n\n## Design\n\n![Flow](assets/flow.png)\n\n![Missing](assets/missing.png)\n");
    writeFileSync(path.join(folder, "rfcs", "assets", "flow.png"), png);
    const target = await makeWorkspace();
    const imported = await cli(["import", folder, "--workspace", target.slug]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("rfcs/0001-design.md → \"RFC 1\"");
    expect(imported.stderr).toContain("image assets/missing.png not imported (no such file in the import)");
    const image = await testDb().image.findFirstOrThrow({ where: { workspaceId: target.id } });
    expect(Buffer.from(image.bytes).equals(png)).toBe(true);
    const doc = await testDb().document.findFirstOrThrow({ where: { workspaceId: target.id }, include: { sections: true } });
    expect(JSON.stringify(doc.sections.map((s) => s.body))).toContain(`/api/images/${image.id}`);
  });
});
