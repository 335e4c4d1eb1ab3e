import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { walk, type PMDoc } from "@/lib/editor/schema";
import { Forbidden, NotFound } from "@/lib/errors";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { collectWorkspaceExport, zipWorkspaceExport } from "@/lib/export/exportWorkspace";
import { embedImages } from "@/lib/export/images";
import { loadPrintable } from "@/lib/export/exportable";
import { getImage } from "@/lib/images/getImage";
import { ImageTooLarge, MAX_IMAGE_BYTES, UnsupportedImage } from "@/lib/images/inputs";
import { uploadImage } from "@/lib/images/storeImage";
import { importBundle } from "@/lib/import/importBundle";
import { importDocument } from "@/lib/import/importDocument";
import { unzipBundle } from "@/lib/import/unzipBundle";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { HOSTILE_SVG, pngOf } from "../../support/images";

async function documentIn(ws: Awaited<ReturnType<typeof makeWorkspace>>, title = "Image doc") {
  const { document } = await importDocument(ctxFor(ws.owner), { slug: ws.slug, markdown: `# ${title}\n\n## Design\n\nText.\n` });
  return document.id;
}

/** Puts an image node into the first section's body, as the editor would. */
async function showImage(documentId: string, src: string, alt: string): Promise<void> {
  const section = await testDb().section.findFirstOrThrow({ where: { documentId }, orderBy: { position: "asc" } });
  const body: PMDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Figure: " }, { type: "image", attrs: { src, alt, title: null, reference: null, referenceType: null } }] }] };
  await testDb().section.update({ where: { id: section.id }, data: { body: body as object } });
}

describe("uploading images", () => {
  it("stores a PNG once per content, for editors, readable by every member and nobody else", async () => {
    const ws = await makeWorkspace(["editor", "viewer"]);
    const docId = await documentIn(ws);
    const png = pngOf(3, 2, [0, 128, 255]);
    const editor = ctxFor(ws.members.editor[0]!);
    const stored = await uploadImage(editor, { documentId: docId, fileName: "diagram.png" }, png);
    expect(stored).toMatchObject({ src: `/api/images/${stored.id}`, mime: "image/png", size: png.byteLength });
    expect((await uploadImage(ctxFor(ws.owner), { documentId: docId, fileName: "again.png" }, png)).id).toBe(stored.id);

    const seen = await getImage(ctxFor(ws.members.viewer[0]!), { imageId: stored.id });
    expect(Buffer.from(seen.bytes).equals(png)).toBe(true);
    expect(seen.mime).toBe("image/png");

    const outsider = await makeWorkspace();
    await expect(getImage(ctxFor(outsider.owner), { imageId: stored.id })).rejects.toBeInstanceOf(NotFound);
    await expect(getImage(ctxFor(ws.owner), { imageId: "no-such-image" })).rejects.toBeInstanceOf(NotFound);
    await expect(uploadImage(ctxFor(outsider.owner), { documentId: docId }, png)).rejects.toBeInstanceOf(NotFound);
    await expect(uploadImage(ctxFor(ws.members.viewer[0]!), { documentId: docId }, pngOf(1, 1, [1, 2, 3]))).rejects.toBeInstanceOf(Forbidden);
    expect(await testDb().image.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it("refuses files past the size limit and files that are not images, storing nothing", async () => {
    const ws = await makeWorkspace();
    const docId = await documentIn(ws);
    const owner = ctxFor(ws.owner);
    const big = Buffer.concat([pngOf(1, 1, [0, 0, 0]), Buffer.alloc(MAX_IMAGE_BYTES)]);
    await expect(uploadImage(owner, { documentId: docId, fileName: "big.png" }, big)).rejects.toBeInstanceOf(ImageTooLarge);
    await expect(uploadImage(owner, { documentId: docId, fileName: "page.png" }, Buffer.from("<html><script>alert(1)</script></html>"))).rejects.toBeInstanceOf(UnsupportedImage);
    await expect(uploadImage(owner, { documentId: docId, fileName: "doc.pdf" }, Buffer.from("%PDF-1.4\n%âãÏÓ\n"))).rejects.toBeInstanceOf(UnsupportedImage);
    expect(await testDb().image.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("stores an SVG without its scripts", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const stored = await uploadImage(owner, { documentId: await documentIn(ws), fileName: "x.svg" }, Buffer.from(HOSTILE_SVG));
    const text = Buffer.from((await getImage(owner, { imageId: stored.id })).bytes).toString("utf8");
    expect(stored.mime).toBe("image/svg+xml");
    expect(text).toContain("<rect");
    for (const bad of ["<script", "onload", "onclick", "javascript:", "tracker.example", "foreignObject"]) expect(text).not.toContain(bad);
  });
});

describe("images leaving and coming back", () => {
  it("writes each image beside the Markdown in the workspace zip, and the document points at it by relative path", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const docId = await documentIn(ws, "With picture");
    const png = pngOf(4, 4, [200, 10, 10]);
    const stored = await uploadImage(ctxFor(ws.owner), { documentId: docId, fileName: "red.png" }, png);
    await showImage(docId, stored.src, "A red square");

    const viewer = ctxFor(ws.members.viewer[0]!);
    const single = await exportDocumentMarkdown(viewer, { documentId: docId });
    expect(single.images.map((i) => i.path)).toEqual([`images/${stored.id}.png`]);
    expect(single.markdown).toContain(`Figure: ![A red square](images/${stored.id}.png)`);
    expect(single.markdown).not.toContain("/api/images/");

    const files = unzipSync(zipWorkspaceExport(await collectWorkspaceExport(viewer, { slug: ws.slug })));
    expect(Object.keys(files).sort()).toEqual([`images/${stored.id}.png`, "manifest.json", "with-picture.md"]);
    expect(Buffer.from(files[`images/${stored.id}.png`]!).equals(png)).toBe(true);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { documents: { images: string[] }[] };
    expect(manifest.documents[0]!.images).toEqual([`images/${stored.id}.png`]);
  });

  it("never exports or prints an image of another workspace, even when a document names it", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace();
    const theirs = await uploadImage(ctxFor(other.owner), { documentId: await documentIn(other) }, pngOf(2, 2, [9, 9, 9]));
    const docId = await documentIn(ws);
    await showImage(docId, theirs.src, "not mine");
    expect((await exportDocumentMarkdown(ctxFor(ws.owner), { documentId: docId })).images).toEqual([]);
    const printed = await embedImages(ctxFor(ws.owner), docId, await loadPrintable(ctxFor(ws.owner), docId));
    expect(JSON.stringify(printed.sections)).not.toContain("data:image");
  });

  it("embeds the bytes for printing, so the printer needs no cookie", async () => {
    const ws = await makeWorkspace();
    const docId = await documentIn(ws);
    const png = pngOf(2, 2, [0, 255, 0]);
    const stored = await uploadImage(ctxFor(ws.owner), { documentId: docId }, png);
    await showImage(docId, stored.src, "green");
    const printed = await embedImages(ctxFor(ws.owner), docId, await loadPrintable(ctxFor(ws.owner), docId));
    expect(JSON.stringify(printed.sections)).toContain(`data:image/png;base64,${png.toString("base64")}`);
  });

  it("imports a zip's Markdown with the images it refers to, and reports the missing ones", async () => {
    const ws = await makeWorkspace();
    const png = pngOf(5, 5, [1, 2, 3]);
    const markdown = "# Zipped\n\n## Design\n\n![Architecture](images/arch.png)\n\n![Gone](images/gone.png)\n\n![Web](https://example.org/w.png)\n";
    const zip = zipSync({ "docs/zipped.md": strToU8(markdown), "docs/images/arch.png": png, "docs/images/.DS_Store": strToU8("x") });
    const owner = ctxFor(ws.owner);
    const [result] = await testDb().$transaction((tx) => importBundle({ ...owner, db: tx }, { slug: ws.slug, files: unzipBundle(zip) }));
    const image = await testDb().image.findFirstOrThrow({ where: { workspaceId: ws.id } });
    expect(Buffer.from(image.bytes).equals(png)).toBe(true);
    expect(result!.images).toEqual({ stored: 1, missing: [{ src: "images/gone.png", reason: "no such file in the import" }] });
    const bodies = JSON.stringify((await testDb().section.findMany({ where: { documentId: result!.document.id } })).map((s) => s.body));
    expect(bodies).toContain(`/api/images/${image.id}`);
    expect(bodies).not.toContain("images/arch.png");
    // the missing one stays an image with its path as written
    expect(bodies).toContain('"src":"images/gone.png"');
  });

  it("brings a workspace zip back into another workspace with its images", async () => {
    const from = await makeWorkspace();
    const docId = await documentIn(from, "Round trip");
    const png = pngOf(3, 3, [7, 70, 170]);
    const stored = await uploadImage(ctxFor(from.owner), { documentId: docId }, png);
    await showImage(docId, stored.src, "Blue");
    const zip = zipWorkspaceExport(await collectWorkspaceExport(ctxFor(from.owner), { slug: from.slug }));

    const to = await makeWorkspace();
    const owner = ctxFor(to.owner);
    const [result] = await testDb().$transaction((tx) => importBundle({ ...owner, db: tx }, { slug: to.slug, files: unzipBundle(zip) }));
    expect(result!.images).toEqual({ stored: 1, missing: [] });
    const image = await testDb().image.findFirstOrThrow({ where: { workspaceId: to.id } });
    expect(image.id).not.toBe(stored.id);
    expect(Buffer.from(image.bytes).equals(png)).toBe(true);
    const sections = await testDb().section.findMany({ where: { documentId: result!.document.id } });
    const images: unknown[] = [];
    for (const section of sections) walk(section.body as unknown as PMDoc, (node) => void (node.type === "image" && images.push(node.attrs)));
    expect(images).toEqual([{ src: `/api/images/${image.id}`, alt: "Blue", title: null, reference: null, referenceType: null }]);
  });

  it("imports nothing when one file of the zip fails", async () => {
    const ws = await makeWorkspace();
    const zip = zipSync({ "a.md": strToU8("# A\n\n![x](x.png)\n"), "x.png": pngOf(1, 1, [5, 5, 5]), "b.md": new Uint8Array([0xff, 0xfe, 0x00]) });
    const owner = ctxFor(ws.owner);
    await expect(testDb().$transaction((tx) => importBundle({ ...owner, db: tx }, { slug: ws.slug, files: unzipBundle(zip) }))).rejects.toThrow(/b\.md is not UTF-8/);
    expect(await testDb().image.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await testDb().document.count({ where: { workspaceId: ws.id } })).toBe(0);
  });
});
