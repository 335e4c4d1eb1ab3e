import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { PMDoc } from "@/lib/editor/schema";
import { removeOrphanImages } from "@/lib/images/cleanup";
import { uploadImage } from "@/lib/images/storeImage";
import { importDocument } from "@/lib/import/importDocument";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { pngOf } from "../../support/images";

const bodyWith = (src: string): PMDoc => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "image", attrs: { src, alt: "", title: null, reference: null, referenceType: null } }] }] });

/** Makes a workspace's images look uploaded two days ago, past the cleanup's grace period. */
async function age(workspaceId: string, ids: string[]): Promise<void> {
  await testDb().image.updateMany({ where: { workspaceId, id: { in: ids } }, data: { createdAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) } });
}

describe("removing images nothing refers to", () => {
  it("removes an old image no section, Yjs state, version, template or comment names, once across concurrent runs, and keeps the rest", { timeout: 60_000 }, async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: "# Pictures\n\n## Design\n\nText.\n" });
    const upload = (n: number) => uploadImage(owner, { documentId: document.id, fileName: `${n}.png` }, pngOf(2, 2, [n, 10, 20]));
    const [inBody, inYState, inVersion, inComment, orphan, fresh] = await Promise.all([1, 2, 3, 4, 5, 6].map(upload));
    const db = testDb();

    const section = await db.section.findFirstOrThrow({ where: { documentId: document.id } });
    await db.section.update({ where: { id: section.id }, data: { body: bodyWith(inBody!.src) as object } });
    // the editor's binary state alone (not yet in any projection)
    const ydoc = new Y.Doc();
    const image = new Y.XmlElement("image");
    ydoc.getXmlFragment("body").insert(0, [image]);
    image.setAttribute("src", inYState!.src);
    image.setAttribute("alt", "x");
    await db.document.update({ where: { id: document.id }, data: { yState: Buffer.from(Y.encodeStateAsUpdate(ydoc)) } });
    await db.versionBlob.create({ data: { hash: `test-${inVersion!.id}`, content: { key: "design", body: bodyWith(inVersion!.src) } as object } });
    const thread = await db.commentThread.create({ data: { documentId: document.id, sectionKey: section.key, createdById: ws.owner.userId } });
    await db.comment.create({ data: { threadId: thread.id, authorId: ws.owner.userId, body: `Like ![this](${inComment!.src})` } });

    const all = [inBody, inYState, inVersion, inComment, orphan, fresh].map((i) => i!.id);
    await age(ws.id, all.filter((id) => id !== fresh!.id));

    // two processes of a cluster at once: the image goes once, and nothing else does
    const runs = await Promise.all([removeOrphanImages(db), removeOrphanImages(db)]);
    const removed = runs.flatMap((r) => r.removed).filter((r) => r.workspaceId === ws.id);
    expect(removed).toEqual([{ id: orphan!.id, workspaceId: ws.id }]);
    expect(runs.some((r) => r.ran)).toBe(true);
    const left = await db.image.findMany({ where: { workspaceId: ws.id }, select: { id: true } });
    expect(left.map((i) => i.id).sort()).toEqual(all.filter((id) => id !== orphan!.id).sort());
    // again: nothing more goes
    expect((await removeOrphanImages(db)).removed.filter((r) => r.workspaceId === ws.id)).toEqual([]);
  });

  it("counts an image's grace period from its latest upload, and stores it anew once removed", { timeout: 60_000 }, async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: "# Pictures\n\n## Design\n\nText.\n" });
    const png = pngOf(3, 3, [200, 10, 20]);
    const first = await uploadImage(owner, { documentId: document.id, fileName: "a.png" }, png);
    await age(ws.id, [first.id]);
    // the same picture uploaded again, about to be inserted: kept
    expect((await uploadImage(owner, { documentId: document.id, fileName: "a.png" }, png)).id).toBe(first.id);
    await removeOrphanImages(testDb());
    expect(await testDb().image.count({ where: { id: first.id } })).toBe(1);

    await age(ws.id, [first.id]);
    await removeOrphanImages(testDb());
    expect(await testDb().image.count({ where: { id: first.id } })).toBe(0);
    const again = await uploadImage(owner, { documentId: document.id, fileName: "a.png" }, png);
    expect(await testDb().image.findUnique({ where: { id: again.id }, select: { size: true } })).toEqual({ size: png.byteLength });
  });
});
