import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changeDocument } from "@/lib/collab/gateway";
import { writeSection } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument } from "@/lib/documents/documents";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { Forbidden, NotFound } from "@/lib/errors";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { duplicateTemplate, listTemplates, updateTemplate } from "@/lib/templates/templates";
import { previewRestore } from "@/lib/versions/previewRestore";
import { createNamedVersion, listVersions } from "@/lib/versions/versions";
import { ctxFor, makeWorkspace } from "../../support/db";

const DEFINITION = {
  key: "restore-preview-test",
  name: "Restore preview test",
  description: "Two sections",
  titlePattern: "Ledger",
  sections: [
    { key: "design", title: "Design", depth: 1, starter: "Charges are retried once.", fields: [{ key: "owner_team", label: "Owning team", type: "text" }] },
    { key: "risks", title: "Risks", depth: 1, starter: "Retries may double-charge." },
  ],
  signoffRoles: [{ key: "tech_lead", name: "Technical Lead", scope: [] }],
};

async function setUp() {
  const ws = await makeWorkspace(["viewer"]);
  const owner = ctxFor(ws.owner);
  const builtin = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.builtin)!;
  const copy = await duplicateTemplate(owner, { slug: ws.slug, templateId: builtin.id });
  await updateTemplate(owner, { slug: ws.slug, templateId: copy.id, definition: { ...DEFINITION, key: copy.key }, expectedVersion: 1 });
  const doc = await createDocument(owner, { slug: ws.slug, templateId: copy.id });
  return { owner, doc, viewer: ctxFor(ws.members.viewer[0]!) };
}

function edit(documentId: string, key: string, title: string, markdown: string, fields: Record<string, string> = {}) {
  return changeDocument(documentId, (ydoc: Y.Doc) => writeSection(ydoc, { key, title, depth: 1, fields, body: normalizeDoc(markdownToDoc(markdown).doc) }));
}

describe("restore preview", () => {
  it("names each section a restore would change and how, changing nothing itself", async () => {
    const { owner, doc } = await setUp();
    const good = await createNamedVersion(owner, { documentId: doc.id, label: "good" });
    await edit(doc.id, "design", "Design", "Charges are retried three times with backoff.", { owner_team: "Payments" });
    const before = await getDocument(owner, { documentId: doc.id });
    const versions = await listVersions(owner, { documentId: doc.id });

    const whole = await previewRestore(owner, { documentId: doc.id, number: good.number });
    expect(whole).toMatchObject({ number: good.number, sectionTitle: null });
    expect(whole.changes.map((c) => [c.title, c.text])).toEqual([["Design", "4 words removed, 1 added; field “Owning team” changes"]]);

    const risks = await previewRestore(owner, { documentId: doc.id, number: good.number, sectionKey: "risks" });
    expect(risks).toMatchObject({ sectionTitle: "Risks", changes: [] });

    // nothing was written: same content, no new version
    expect(await getDocument(owner, { documentId: doc.id })).toEqual(before);
    expect(await listVersions(owner, { documentId: doc.id })).toEqual(versions);
  });

  it("is for those who may restore: viewers are refused, other workspaces and unknown sections are NotFound", async () => {
    const { owner, doc, viewer } = await setUp();
    const good = await createNamedVersion(owner, { documentId: doc.id, label: "good" });
    await expect(previewRestore(viewer, { documentId: doc.id, number: good.number })).rejects.toBeInstanceOf(Forbidden);
    const stranger = (await setUp()).owner;
    await expect(previewRestore(stranger, { documentId: doc.id, number: good.number })).rejects.toBeInstanceOf(NotFound);
    await expect(previewRestore(owner, { documentId: doc.id, number: good.number, sectionKey: "nowhere" })).rejects.toBeInstanceOf(NotFound);
    await expect(previewRestore(owner, { documentId: doc.id, number: good.number + 50 })).rejects.toBeInstanceOf(NotFound);
  });
});
