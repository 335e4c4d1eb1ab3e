import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changeDocument } from "@/lib/collab/gateway";
import { loadDocumentState, storeDocumentState } from "@/lib/collab/persistence";
import { moveSection } from "@/lib/collab/sectionOps";
import { writeSection } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { Forbidden, NotFound } from "@/lib/errors";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { changeStatus } from "@/lib/review/review";
import { duplicateTemplate, listTemplates, updateTemplate } from "@/lib/templates/templates";
import { IDLE_MS, versionIfIdle } from "@/lib/versions/autoVersions";
import { readManifest } from "@/lib/versions/manifest";
import { changesSinceSeen } from "@/lib/versions/seen";
import { createNamedVersion, diffVersions, getVersion, listVersions } from "@/lib/versions/versions";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

const DEFINITION = {
  key: "versions-test",
  name: "Versions test",
  description: "Three sections",
  titlePattern: "Ledger",
  sections: [
    { key: "context", title: "Context", depth: 1, starter: "Payments are slow.", fields: [{ key: "owner_team", label: "Owning team", type: "text" }] },
    { key: "design", title: "Design", depth: 1, starter: "| Step | Owner |\n| --- | --- |\n| Charge | Billing |\n| Refund | Support |\n" },
    { key: "risks", title: "Risks", depth: 1, starter: "Retries may double-charge." },
  ],
  signoffRoles: [{ key: "tech_lead", name: "Technical Lead", scope: [] }],
};

async function setUp() {
  const ws = await makeWorkspace(["editor", "viewer"]);
  const owner = ctxFor(ws.owner);
  const builtin = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.builtin)!;
  const copy = await duplicateTemplate(owner, { slug: ws.slug, templateId: builtin.id });
  await updateTemplate(owner, { slug: ws.slug, templateId: copy.id, definition: { ...DEFINITION, key: copy.key }, expectedVersion: 1 });
  const doc = await createDocument(owner, { slug: ws.slug, templateId: copy.id });
  return { ws, owner, doc, editor: ctxFor(ws.members.editor[0]!), viewer: ctxFor(ws.members.viewer[0]!) };
}

/** Rewrites one section through the Y.Doc, as an editor would. */
function edit(documentId: string, key: string, title: string, markdown: string, fields: Record<string, string> = {}) {
  return changeDocument(documentId, (ydoc: Y.Doc) => writeSection(ydoc, { key, title, depth: 1, fields, body: normalizeDoc(markdownToDoc(markdown).doc) }));
}

/** Rewrites one section as `userId` typing in the editor: the store records them as its author. */
async function editAs(userId: string, documentId: string, key: string, title: string, markdown: string) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, await loadDocumentState(testDb(), documentId));
  ydoc.transact(() => writeSection(ydoc, { key, title, depth: 1, fields: {}, body: normalizeDoc(markdownToDoc(markdown).doc) }));
  await storeDocumentState(testDb(), documentId, ydoc, { authorIds: [userId] });
}

/** Pretends the last stored edit happened longer ago than the idle pause. */
async function pause(documentId: string) {
  await testDb().versionPending.update({ where: { documentId }, data: { lastAt: new Date(Date.now() - IDLE_MS - 1000) } });
}

describe("versions", () => {
  it("names the people in person fields and labels each field, in a version and in a comparison", async () => {
    const ws = await makeWorkspace(["editor"]);
    const owner = ctxFor(ws.owner);
    const template = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === "design-document-metadata")!;
    const doc = await createDocument(owner, { slug: ws.slug, templateId: template.id, title: "Ledger export" });
    const first = await createNamedVersion(owner, { documentId: doc.id, label: "as created" });
    const version = await getVersion(owner, { documentId: doc.id, number: first.number });
    const authorSection = version.sections.find((s) => s.fields.author === ws.owner.userId)!;
    expect(version.names.people).toEqual({ [ws.owner.userId]: ws.owner.name });
    expect(version.names.fields[authorSection.key]?.author).toEqual({ label: "Author", type: "person" });
    const diff = await diffVersions(owner, { documentId: doc.id, from: first.number, to: "current" });
    expect(diff.names.people).toEqual({ [ws.owner.userId]: ws.owner.name });
  });

  it("keeps the document as created as version 1 on the first edit, and versions again after an idle pause", async () => {
    const { owner, doc } = await setUp();
    expect(await listVersions(owner, { documentId: doc.id })).toEqual([]);
    await edit(doc.id, "risks", "Risks", "Retries may double-charge. Idempotency keys prevent it.");
    let versions = await listVersions(owner, { documentId: doc.id });
    expect(versions.map((v) => [v.number, v.label, v.kind])).toEqual([[1, "Created", "auto"]]);
    expect((await getVersion(owner, { documentId: doc.id, number: 1 })).sections.find((s) => s.key === "risks")?.body.content[0]).toMatchObject({ content: [{ text: "Retries may double-charge." }] });

    // still editing: no version yet; after a pause the next edit keeps the paused state
    await edit(doc.id, "risks", "Risks", "Retries may double-charge. Idempotency keys prevent it. Keys expire after a day.");
    expect(await listVersions(owner, { documentId: doc.id })).toHaveLength(1);
    await pause(doc.id);
    await edit(doc.id, "context", "Context", "Payments are slow at month end.");
    versions = await listVersions(owner, { documentId: doc.id });
    expect(versions[0]).toMatchObject({ number: 2, kind: "auto", summary: { changed: 1, added: 0, removed: 0, moved: 0 }, summaryText: "1 section changed" });
    const v2 = await getVersion(owner, { documentId: doc.id, number: 2 });
    expect(v2.sections.find((s) => s.key === "risks")?.body.content[0]).toMatchObject({ content: [{ text: "Retries may double-charge. Idempotency keys prevent it. Keys expire after a day." }] });

    // the idle timer's job: the stored content becomes a version once editing paused
    expect(await versionIfIdle(testDb(), doc.id)).toBe(false);
    await pause(doc.id);
    expect(await versionIfIdle(testDb(), doc.id)).toBe(true);
    expect((await listVersions(owner, { documentId: doc.id }))[0]).toMatchObject({ number: 3, summaryText: "1 section changed" });
  });

  it("makes one version when two processes' idle timers fire for the same document at once", async () => {
    const { owner, doc } = await setUp();
    await edit(doc.id, "risks", "Risks", "Retries may double-charge. Idempotency keys prevent it.");
    await edit(doc.id, "risks", "Risks", "Retries may double-charge. Keys expire after a day.");
    await pause(doc.id);
    const before = (await listVersions(owner, { documentId: doc.id })).length;

    const made = await Promise.all([versionIfIdle(testDb(), doc.id), versionIfIdle(testDb(), doc.id), versionIfIdle(testDb(), doc.id)]);

    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await listVersions(owner, { documentId: doc.id })).toHaveLength(before + 1);
    expect(await testDb().versionPending.findUnique({ where: { documentId: doc.id } })).toBeNull();
  });

  it("names in the idle version the authors another process handed over", async () => {
    const { ws, owner, doc } = await setUp();
    await edit(doc.id, "risks", "Risks", "Retries may double-charge.");
    await edit(doc.id, "risks", "Risks", "Retries may double-charge. Keys expire after a day.");
    await pause(doc.id);
    const editor = ws.members.editor[0]!;
    expect(await versionIfIdle(testDb(), doc.id, { authorIds: [editor.userId] })).toBe(true);
    expect((await listVersions(owner, { documentId: doc.id }))[0]!.authors.map((a) => a.id)).toContain(editor.userId);
  });

  it("stores a section whose content did not change only once", async () => {
    const { owner, doc } = await setUp();
    await edit(doc.id, "risks", "Risks", "One.");
    for (const text of ["Two.", "Three.", "Four."]) {
      await edit(doc.id, "risks", "Risks", text);
      await createNamedVersion(owner, { documentId: doc.id, label: `risk ${text}` });
    }
    const versions = await testDb().version.findMany({ where: { documentId: doc.id }, orderBy: { number: "asc" } });
    expect(versions).toHaveLength(4);
    // later versions store only the section that differs from version 1
    expect(versions.slice(1).map((v) => v.sections)).toEqual([1, 1, 1].map(() => ({ base: 1, changes: [["risks", expect.stringMatching(/^[0-9a-f]{64}$/)]] })));
    const hashes = (await Promise.all(versions.map((v) => readManifest(testDb(), v)))).flatMap((m) => m.map(([, h]) => h));
    // 3 sections in v1, then one new blob per version for the edited section
    expect(new Set(hashes).size).toBe(3 + 3);
    expect(await testDb().versionBlob.count({ where: { hash: { in: hashes } } })).toBe(6);
  });

  it("names versions, records them in the activity log and keeps viewers from naming", async () => {
    const { owner, doc, viewer, editor } = await setUp();
    await edit(doc.id, "context", "Context", "Payments are slow.", { owner_team: "Ledger" });
    const named = await createNamedVersion(editor, { documentId: doc.id, label: "v1.0 submitted for review" });
    expect(named).toMatchObject({ number: 2, label: "v1.0 submitted for review", kind: "named", createdBy: { id: editor.actor.userId } });
    await expect(createNamedVersion(viewer, { documentId: doc.id, label: "mine" })).rejects.toBeInstanceOf(Forbidden);
    await expect(createNamedVersion(editor, { documentId: doc.id, label: "  " })).rejects.toThrow();
    expect(await testDb().activity.findFirst({ where: { subjectId: doc.id, kind: "version.named" } })).toMatchObject({ actorId: editor.actor.userId, data: { number: 2, label: "v1.0 submitted for review" } });
    expect((await listVersions(viewer, { documentId: doc.id })).map((v) => v.number)).toEqual([2, 1]);
    expect((await listVersions(owner, { documentId: doc.id }))[0]!.createdBy?.id).toBe(editor.actor.userId);
  });

  it("makes a version at every status change", async () => {
    const { owner, doc } = await setUp();
    await changeStatus(owner, { documentId: doc.id, action: "withdraw", reason: "Not needed any more." });
    await changeStatus(owner, { documentId: doc.id, action: "reopen" });
    expect((await listVersions(owner, { documentId: doc.id })).map((v) => [v.kind, v.label])).toEqual([
      ["status", "Draft"],
      ["status", "Withdrawn"],
    ]);
  });

  it("diffs two versions: sections moved, added and changed, fields old → new, words and table cells", async () => {
    const { owner, doc } = await setUp();
    await edit(doc.id, "context", "Context", "Payments are slow.");
    const from = (await createNamedVersion(owner, { documentId: doc.id, label: "before" })).number;
    await edit(doc.id, "context", "Context", "Payments are slow at month end.", { owner_team: "Ledger" });
    await edit(doc.id, "design", "Design", "| Step | Owner |\n| --- | --- |\n| Charge | Payments |\n| Refund | Support |\n| Dispute | Risk |\n");
    await changeDocument(doc.id, (ydoc) => {
      moveSection(ydoc, "risks", -1);
      moveSection(ydoc, "risks", -1);
      writeSection(ydoc, { key: "rollout", title: "Rollout", depth: 1, fields: {}, body: normalizeDoc(markdownToDoc("Behind a flag.").doc) });
    });
    const to = (await createNamedVersion(owner, { documentId: doc.id, label: "after" })).number;

    const diff = await diffVersions(owner, { documentId: doc.id, from, to });
    expect(diff.sections.map((s) => [s.key, s.status, s.moved])).toEqual([
      ["risks", "unchanged", true],
      ["context", "changed", false],
      ["design", "changed", false],
      ["rollout", "added", false],
    ]);
    expect(diff.summary).toEqual({ changed: 2, added: 1, removed: 0, moved: 1 });
    expect(diff.summaryText).toBe("2 sections changed, 1 added, 1 moved");
    const context = diff.sections[1]!;
    expect(context.fields).toEqual([{ key: "owner_team", to: "Ledger" }]);
    expect(context.body).toEqual([{ type: "text", parts: [{ value: "Payments are slow" }, { value: " at month end", added: true }, { value: "." }] }]);
    const table = diff.sections[2]!.body!.find((seg) => seg.type === "table");
    expect(table).toMatchObject({
      type: "table",
      status: "changed",
      rows: [
        { status: "same" },
        { status: "changed", cells: [{ status: "same", parts: [{ value: "Charge" }] }, { status: "changed", parts: [{ value: "Billing", removed: true }, { value: "Payments", added: true }] }] },
        { status: "same" },
        { status: "added", cells: [{ status: "added" }, { status: "added" }] },
      ],
    });

    // against the current content, and the other way round
    expect((await diffVersions(owner, { documentId: doc.id, from: to })).summary).toEqual({ changed: 0, added: 0, removed: 0, moved: 0 });
    const back = await diffVersions(owner, { documentId: doc.id, from: to, to: from });
    expect(back.sections.find((s) => s.key === "rollout")?.status).toBe("removed");
  });

  it("answers NotFound for another workspace's document and for an unknown version", async () => {
    const { doc, owner } = await setUp();
    const other = await makeWorkspace();
    await expect(listVersions(ctxFor(other.owner), { documentId: doc.id })).rejects.toBeInstanceOf(NotFound);
    await expect(diffVersions(ctxFor(other.owner), { documentId: doc.id, from: 1 })).rejects.toBeInstanceOf(NotFound);
    await expect(getVersion(owner, { documentId: doc.id, number: 99 })).rejects.toBeInstanceOf(NotFound);
  });

  it("tells a reader what changed since they last looked", async () => {
    const { owner, doc, viewer } = await setUp();
    await edit(doc.id, "context", "Context", "Payments are slow.");
    expect(await changesSinceSeen(viewer, { documentId: doc.id })).toMatchObject({ lastSeen: null, latest: 1, changed: false });
    await edit(doc.id, "risks", "Risks", "New risk.");
    await edit(doc.id, "design", "Design", "No table any more.");
    await createNamedVersion(owner, { documentId: doc.id, label: "later" });
    expect(await changesSinceSeen(viewer, { documentId: doc.id, peek: true })).toMatchObject({ lastSeen: 1, latest: 2, summaryText: "2 sections changed" });
    expect(await changesSinceSeen(viewer, { documentId: doc.id })).toMatchObject({ lastSeen: 1, changed: true });
    expect(await changesSinceSeen(viewer, { documentId: doc.id })).toMatchObject({ lastSeen: 2, changed: false });
  });

  it("does not tell people about their own edits, only what others changed since they last looked", async () => {
    const { ws, owner, doc, editor } = await setUp();
    const [ownerId, editorId] = [ws.owner.userId, ws.members.editor[0]!.userId];
    await editAs(ownerId, doc.id, "context", "Context", "Payments are slow today.");
    await createNamedVersion(owner, { documentId: doc.id, label: "first look" });
    await changesSinceSeen(owner, { documentId: doc.id });
    await changesSinceSeen(editor, { documentId: doc.id });
    // the owner's own edit, still pending and then versioned, is not news to the owner
    await editAs(ownerId, doc.id, "risks", "Risks", "A risk the owner wrote.");
    expect(await changesSinceSeen(owner, { documentId: doc.id, peek: true })).toMatchObject({ changed: false, summaryText: "" });
    await createNamedVersion(owner, { documentId: doc.id, label: "owner's draft" });
    expect(await changesSinceSeen(owner, { documentId: doc.id, peek: true })).toMatchObject({ changed: false });
    expect(await changesSinceSeen(editor, { documentId: doc.id, peek: true })).toMatchObject({ summaryText: "1 section changed" });
    // someone else's edit is, before and after it is versioned
    await editAs(editorId, doc.id, "design", "Design", "The editor's design.");
    expect(await changesSinceSeen(owner, { documentId: doc.id, peek: true })).toMatchObject({ summaryText: "1 section changed" });
    await pause(doc.id);
    await versionIfIdle(testDb(), doc.id);
    expect(await changesSinceSeen(owner, { documentId: doc.id, peek: true })).toMatchObject({ summaryText: "1 section changed" });
    // a section both changed counts; the owner's other section still does not
    await editAs(ownerId, doc.id, "design", "Design", "The owner's design.");
    await editAs(ownerId, doc.id, "context", "Context", "Payments are slow, says the owner.");
    expect(await changesSinceSeen(owner, { documentId: doc.id, peek: true })).toMatchObject({ summaryText: "1 section changed" });
    expect(await changesSinceSeen(editor, { documentId: doc.id, peek: true })).toMatchObject({ summaryText: "3 sections changed" });
  });
});
