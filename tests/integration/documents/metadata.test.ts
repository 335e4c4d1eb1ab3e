import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocumentMetadata, updateDocumentMetadata } from "@/lib/documents/metadata";
import { Forbidden, InvalidInput, NotFound } from "@/lib/errors";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { importDocument } from "@/lib/import/importDocument";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

const MD = "---\n# owners\ndescription: A ledger   # short\nreviewers: [ada]\n---\n\n# Ledger\n\n## Goals\n\nFast.\n";

describe("document metadata", () => {
  it("shows an imported file's front matter, key by key, and its source with comments", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const owner = ctxFor(ws.owner);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: MD });
    const metadata = await getDocumentMetadata(ctxFor(ws.members.viewer[0]!), { documentId: document.id });
    expect(metadata).toEqual({
      source: "# owners\ndescription: A ledger   # short\nreviewers: [ada]\n",
      entries: [
        { key: "description", value: "A ledger" },
        { key: "reviewers", value: "- ada" },
      ],
      error: null,
    });
  });

  it("saves edited YAML as written, and the export carries it", async () => {
    const ws = await makeWorkspace(["editor"]);
    const owner = ctxFor(ws.owner);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: MD });
    const source = "# owners\ndescription: A faster ledger   # short\nreviewers: [ada]\nsee-also: KEP-1\n";
    const saved = await updateDocumentMetadata(ctxFor(ws.members.editor[0]!), { documentId: document.id, source });
    expect(saved.entries.map((e) => e.key)).toEqual(["description", "reviewers", "see-also"]);
    expect((await exportDocumentMarkdown(owner, { documentId: document.id })).markdown).toBe(MD.replace(/---\n# owners[\s\S]*?---\n/, `---\n${source}---\n`));
    const activity = await testDb().activity.findFirst({ where: { subjectId: document.id, kind: "document.metadata_changed" } });
    expect(activity).not.toBeNull();
  });

  it("adds a document's own keys after Specwright's in the export of a document written here", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const template = (await listTemplates(owner, { slug: ws.slug }))[0]!;
    const doc = await createDocument(owner, { slug: ws.slug, templateId: template.id, title: "Native" });
    await updateDocumentMetadata(owner, { documentId: doc.id, source: "team: Payments\n" });
    const { markdown } = await exportDocumentMarkdown(owner, { documentId: doc.id });
    expect(markdown).toMatch(/^---\ntitle: Native\n[\s\S]*\nupdated: [^\n]+\nteam: Payments\n---\n\n# Native\n/);
    await updateDocumentMetadata(owner, { documentId: doc.id, source: "" });
    expect((await getDocumentMetadata(owner, { documentId: doc.id })).source).toBeNull();
  });

  it("refuses YAML that is not a mapping, a fence line, and unstorable text (400), writing nothing", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: MD });
    await expect(updateDocumentMetadata(owner, { documentId: document.id, source: "title: [unclosed\n" })).rejects.toBeInstanceOf(InvalidInput);
    await expect(updateDocumentMetadata(owner, { documentId: document.id, source: "- a\n- list\n" })).rejects.toBeInstanceOf(InvalidInput);
    await expect(updateDocumentMetadata(owner, { documentId: document.id, source: "a: 1\n---\nb: 2\n" })).rejects.toBeInstanceOf(InvalidInput);
    await expect(updateDocumentMetadata(owner, { documentId: document.id, source: "a: \u0000\n" })).rejects.toBeInstanceOf(ZodError);
    await expect(updateDocumentMetadata(owner, { documentId: document.id, source: "x".repeat(20_001) })).rejects.toBeInstanceOf(ZodError);
    expect((await getDocumentMetadata(owner, { documentId: document.id })).source).toBe("# owners\ndescription: A ledger   # short\nreviewers: [ada]\n");
  });

  it("lets viewers read but not edit (403), and tells other workspaces the document does not exist (404)", async () => {
    const ws = await makeWorkspace(["viewer"]);
    const owner = ctxFor(ws.owner);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: MD });
    const viewer = ctxFor(ws.members.viewer[0]!);
    await expect(updateDocumentMetadata(viewer, { documentId: document.id, source: "a: b\n" })).rejects.toBeInstanceOf(Forbidden);
    const outsider = ctxFor((await makeWorkspace()).owner);
    await expect(getDocumentMetadata(outsider, { documentId: document.id })).rejects.toBeInstanceOf(NotFound);
    await expect(updateDocumentMetadata(outsider, { documentId: document.id, source: "a: b\n" })).rejects.toBeInstanceOf(NotFound);
    expect((await getDocumentMetadata(owner, { documentId: document.id })).source).toContain("description: A ledger");
  });
});
