import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bodyName, sectionOrder, yDocToSections } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument } from "@/lib/documents/documents";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { listDocumentActivity } from "@/lib/review/listActivity";
import { listTemplates } from "@/lib/templates/templates";
import { restoreVersion } from "@/lib/versions/restoreVersion";
import { createNamedVersion, diffVersions, listVersions } from "@/lib/versions/versions";
import { connect, sessionCookie, startCollabServer, waitFor, type TestClient } from "../../support/collab";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

/** Replaces a section body with one paragraph, as an editor would. */
function rewrite(ydoc: Y.Doc, key: string, text: string) {
  const body = ydoc.getXmlFragment(bodyName(key));
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  ydoc.transact(() => {
    body.delete(0, body.length);
    body.insert(0, [paragraph]);
  });
}

const textOf = (client: TestClient, key: string) => yDocToSections(client.ydoc).find((s) => s.key === key)?.text;

async function openDocument() {
  const ws = await makeWorkspace(["editor", "viewer"]);
  const owner = ctxFor(ws.owner);
  const template = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === "technical-design") ?? (await listTemplates(owner, { slug: ws.slug }))[0]!;
  const doc = await createDocument(owner, { slug: ws.slug, templateId: template.id });
  const a = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
  const b = connect(server.url, doc.id, await sessionCookie(ws.members.editor[0]!.userId));
  expect(await Promise.all([a.ready, b.ready])).toEqual([true, true]);
  const [first, second] = sectionOrder(a.ydoc) as [string, string];
  const stored = async (key: string, text: string) =>
    waitFor(async () => (await getDocument(owner, { documentId: doc.id })).sections.find((s) => s.key === key)?.body.content.some((n) => JSON.stringify(n).includes(text)) ?? false, 10_000);
  return { ws, owner, doc, a, b, first, second, stored };
}

describe("restore", () => {
  it("restores one section into the live document, seen by every open editor, and records a new version", async () => {
    const { ws, owner, doc, a, b, first, second, stored } = await openDocument();
    rewrite(a.ydoc, first, "First, the good version.");
    rewrite(a.ydoc, second, "Second, written once.");
    await stored(second, "Second, written once.");
    const good = await createNamedVersion(owner, { documentId: doc.id, label: "good" });

    rewrite(a.ydoc, first, "First, broken later.");
    rewrite(b.ydoc, second, "Second, edited later by B.");
    await stored(first, "First, broken later.");
    await stored(second, "Second, edited later by B.");
    const before = await listVersions(owner, { documentId: doc.id });

    const restored = await restoreVersion(owner, { documentId: doc.id, number: good.number, sectionKey: first });
    expect(restored).toMatchObject({ kind: "restore", number: before[0]!.number + 1 });
    // whoever edited since the last version (A and B, through their sockets) and the restorer
    expect(restored.authors.map((p) => p.id).sort()).toEqual([owner.actor.userId, ws.members.editor[0]!.userId].sort());
    expect(restored.label).toMatch(new RegExp(`from v${good.number}$`));
    // both open editors see it, without anyone reloading; the other section keeps B's edit
    await waitFor(() => textOf(a, first) === "First, the good version." && textOf(b, first) === "First, the good version.");
    expect(textOf(b, second)).toBe("Second, edited later by B.");

    // history is never rewritten: the earlier versions are all still there
    const after = await listVersions(owner, { documentId: doc.id });
    expect(after.slice(1).map((v) => v.number)).toEqual(before.map((v) => v.number));
    const check = await diffVersions(owner, { documentId: doc.id, from: good.number, to: restored.number });
    expect(check.sections.filter((s) => s.status !== "unchanged").map((s) => s.key)).toEqual([second]);
    // the log names the section by its title
    const title = (await getDocument(owner, { documentId: doc.id })).sections.find((s) => s.key === first)!.title;
    expect((await listDocumentActivity(owner, { documentId: doc.id }))[0]!.text).toBe(`restored “${title}” from v${good.number} (saved as v${restored.number})`);
    a.close();
    b.close();
  });

  it("restores a whole version: content and section order, replacing (not merging) the text", async () => {
    const { owner, doc, a, b, first, second, stored } = await openDocument();
    rewrite(a.ydoc, first, "Original first.");
    await stored(first, "Original first.");
    const keys = sectionOrder(a.ydoc);
    const good = await createNamedVersion(owner, { documentId: doc.id, label: "good" });

    rewrite(a.ydoc, first, "Replaced first.");
    a.ydoc.transact(() => {
      const order = a.ydoc.getArray<string>("order");
      order.delete(keys.indexOf(second), 1);
    });
    await stored(first, "Replaced first.");
    await waitFor(async () => !(await getDocument(owner, { documentId: doc.id })).sections.some((s) => s.key === second));

    await restoreVersion(owner, { documentId: doc.id, number: good.number });
    await waitFor(() => textOf(b, first) === "Original first." && sectionOrder(b.ydoc).join() === keys.join());
    const current = await diffVersions(owner, { documentId: doc.id, from: good.number });
    expect(current.summary).toEqual({ changed: 0, added: 0, removed: 0, moved: 0 });
    a.close();
    b.close();
  });

  it("is NotFound for another workspace's document and Forbidden for a viewer", async () => {
    const { ws, owner, doc, a, b } = await openDocument();
    const version = await createNamedVersion(owner, { documentId: doc.id, label: "v1" });
    const outsider = ctxFor((await makeWorkspace()).owner);
    await expect(restoreVersion(outsider, { documentId: doc.id, number: version.number })).rejects.toBeInstanceOf(NotFound);
    await expect(restoreVersion(ctxFor(ws.members.viewer[0]!), { documentId: doc.id, number: version.number })).rejects.toBeInstanceOf(Forbidden);
    await expect(restoreVersion(owner, { documentId: doc.id, number: version.number, sectionKey: "no-such-section" })).rejects.toBeInstanceOf(NotFound);
    expect((await listVersions(owner, { documentId: doc.id }))[0]!.number).toBe(version.number);
    a.close();
    b.close();
  });

  it("refuses a restore that would change nothing, changing nothing: no version, no activity, no write to the document", async () => {
    const { owner, doc, a, b, first, second, stored } = await openDocument();
    rewrite(a.ydoc, first, "First, as kept.");
    await stored(first, "First, as kept.");
    const kept = await createNamedVersion(owner, { documentId: doc.id, label: "kept" });
    rewrite(a.ydoc, second, "Second, changed after.");
    await stored(second, "Second, changed after.");
    const after = await createNamedVersion(owner, { documentId: doc.id, label: "after" });
    const state = async () => (await testDb().document.findUniqueOrThrow({ where: { id: doc.id }, select: { yState: true } })).yState;
    const [versionsBefore, activityBefore, stateBefore] = [await listVersions(owner, { documentId: doc.id }), await listDocumentActivity(owner, { documentId: doc.id }), await state()];

    await expect(restoreVersion(owner, { documentId: doc.id, number: after.number })).rejects.toThrow(new Conflict(`Nothing to restore: v${after.number} is the same as the current document.`));
    // the first section is the same in the older version as now, though the version as a whole differs
    await expect(restoreVersion(owner, { documentId: doc.id, number: kept.number, sectionKey: first })).rejects.toBeInstanceOf(Conflict);
    await expect(restoreVersion(owner, { documentId: doc.id, number: kept.number, sectionKey: first })).rejects.toThrow(/^Nothing to restore: “.*” in v\d+ is the same as in the current document\.$/);

    expect(await listVersions(owner, { documentId: doc.id })).toEqual(versionsBefore);
    expect(await listDocumentActivity(owner, { documentId: doc.id })).toEqual(activityBefore);
    expect(Buffer.compare(Buffer.from((await state())!), Buffer.from(stateBefore!))).toBe(0);
    // a restore that does change something still goes through
    await expect(restoreVersion(owner, { documentId: doc.id, number: kept.number, sectionKey: second })).resolves.toMatchObject({ kind: "restore" });
    a.close();
    b.close();
  });
});
