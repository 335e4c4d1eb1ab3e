import type * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { changeDocument } from "@/lib/collab/gateway";
import { bodyName, writeSection } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument, updateDocument } from "@/lib/documents/documents";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { collectWorkspaceExport } from "@/lib/export/exportWorkspace";
import { importDocument } from "@/lib/import/importDocument";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { changeStatus } from "@/lib/review/review";
import { duplicateTemplate, listTemplates, updateTemplate } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace } from "../../support/db";

/** Rewrites one section's body through the Y.Doc, as an editor would. */
async function edit(documentId: string, section: { key: string; title: string; depth: number }, markdown: string) {
  await changeDocument(documentId, (ydoc: Y.Doc) => {
    const body = ydoc.getXmlFragment(bodyName(section.key));
    body.delete(0, body.length);
    writeSection(ydoc, { ...section, fields: {}, body: normalizeDoc(markdownToDoc(markdown).doc) });
  });
}

const PROPOSAL = [
  "---",
  "# KEP metadata",
  "title: Async ledger",
  "authors:",
  "  - \"@ada\"",
  "status: implementable",
  "creation-date: 2020-01-01",
  "see-also:",
  "  - \"/keps/sig-x/1234\"",
  "---",
  "",
  "# KEP-42: Async Ledger",
  "",
  "Text before the first section.",
  "",
  "## Summary",
  "",
  "Ledger writes become asynchronous.",
  "",
  "## Motivation",
  "",
  "Writes block the request thread.",
  "",
  "#### Goals",
  "",
  "- Faster writes",
  "",
  "# Appendix",
  "",
  "Background.",
  "",
].join("\n");

describe("exporting an imported document", () => {
  it("gives the file back byte for byte, through the document and the workspace export alike", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: PROPOSAL, fileName: "kep.md" });
    const doc = await getDocument(owner, { documentId: document.id });
    expect(doc.title).toBe("KEP-42: Async Ledger");
    expect(doc.status).toBe("draft");
    expect(doc.sections.map((s) => s.title)).toEqual(["", "Summary", "Motivation", "Goals", "Appendix"]);
    expect((await exportDocumentMarkdown(owner, { documentId: document.id })).markdown).toBe(PROPOSAL);
    const zip = await collectWorkspaceExport(owner, { slug: ws.slug });
    expect(zip.files.map((f) => f.content)).toContain(PROPOSAL);
  });

  it("changes only the edited paragraph, and refreshes an owned key only when its value changed", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: PROPOSAL });
    const doc = await getDocument(owner, { documentId: document.id });
    const motivation = doc.sections.find((s) => s.title === "Motivation")!;
    await edit(document.id, motivation, "Writes block the request thread for seconds.");
    const edited = (await exportDocumentMarkdown(owner, { documentId: document.id })).markdown;
    expect(edited).toBe(PROPOSAL.replace("Writes block the request thread.", "Writes block the request thread for seconds."));

    await updateDocument(owner, { documentId: document.id, title: "Async ledger v2" });
    const renamed = (await exportDocumentMarkdown(owner, { documentId: document.id })).markdown;
    expect(renamed).toContain("\ntitle: Async ledger v2\n");
    expect(renamed).toContain("\n# Async ledger v2\n");
    expect(renamed).toContain("# KEP metadata\n");
    expect(renamed).toContain("status: implementable\n");
    expect(renamed).not.toMatch(/^(content_hash|template|updated|created):/m);
  });

  it("is stable for a document written here: export(import(export(doc))) is export(doc), onto its template or as is", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const sdd = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === "software-design-document")!;
    const created = await createDocument(owner, { slug: ws.slug, templateId: sdd.id, title: "Ledger" });
    const original = await getDocument(owner, { documentId: created.id });
    const data = original.sections.find((s) => s.depth === 1 && s.key !== "document_control")!;
    // a heading typed inside a section's body, at the section's own level
    await edit(created.id, data, "Intro.\n\n## Storage choices\n\nPostgres.");
    const first = (await exportDocumentMarkdown(owner, { documentId: created.id })).markdown;
    expect(first).toContain(`\n### Storage choices\n`);

    expect(first).toContain("\nnumber: SDD-0001\n");

    // moved to another workspace, where its number is free: it keeps it, and the file is the same
    const elsewhere = await makeWorkspace();
    const there = ctxFor(elsewhere.owner);
    const sddThere = (await listTemplates(there, { slug: elsewhere.slug })).find((t) => t.key === "software-design-document")!;
    const onto = await importDocument(there, { slug: elsewhere.slug, markdown: first, templateId: sddThere.id });
    const back = await getDocument(there, { documentId: onto.document.id });
    expect(back.number).toBe("SDD-0001");
    expect(back.sections.map((s) => s.key)).toEqual(original.sections.map((s) => s.key));
    expect(JSON.stringify(back.sections.find((s) => s.key === data.key)!.body)).toContain("Storage choices");
    const second = (await exportDocumentMarkdown(there, { documentId: onto.document.id })).markdown;
    expect(second).toBe(first);
    // the next document there is numbered after it
    expect((await createDocument(there, { slug: elsewhere.slug, templateId: sddThere.id })).number).toBe("SDD-0002");

    const third = await makeWorkspace();
    const asIs = await importDocument(ctxFor(third.owner), { slug: third.slug, markdown: first });
    expect((await exportDocumentMarkdown(ctxFor(third.owner), { documentId: asIs.document.id })).markdown).toBe(first);

    // a copy in the same workspace is another document: the next number
    const copy = await importDocument(owner, { slug: ws.slug, markdown: first, templateId: sdd.id });
    expect((await getDocument(owner, { documentId: copy.document.id })).number).toBe("SDD-0002");
  });

  it("keeps the number an ADR's front matter gives where it is free, and numbers a second copy after it", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const md = "---\nnumber: ADR-0007\nstatus: accepted\n---\n\n# Use Postgres\n\n## Decision\n\nPostgres.\n";
    const first = await importDocument(owner, { slug: ws.slug, markdown: md });
    expect((await getDocument(owner, { documentId: first.document.id })).number).toBe("ADR-0007");
    expect((await exportDocumentMarkdown(owner, { documentId: first.document.id })).markdown).toBe(md);
    const copy = await importDocument(owner, { slug: ws.slug, markdown: md });
    expect((await getDocument(owner, { documentId: copy.document.id })).number).toBe("ADR-0008");
    expect((await exportDocumentMarkdown(owner, { documentId: copy.document.id })).markdown).toContain("\nnumber: ADR-0008\n");
  });

  it("keeps the file's status in the export until the document's own status changes", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const md = "---\nstatus: accepted\n---\n\n# ADR 7: Use Postgres\n\n## Decision\n\nPostgres.\n";
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: md });
    expect((await exportDocumentMarkdown(owner, { documentId: document.id })).markdown).toBe(md);
    await changeStatus(owner, { documentId: document.id, action: "withdraw", reason: "Not needed any more." });
    expect((await exportDocumentMarkdown(owner, { documentId: document.id })).markdown).toContain("status: withdrawn\n");
  });

  it("updates only the front matter key whose field was edited, onto a template", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const builtin = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.builtin)!;
    const copy = await duplicateTemplate(owner, { slug: ws.slug, templateId: builtin.id });
    const definition = {
      key: copy.key,
      name: "Small",
      description: "One section with a field",
      titlePattern: "Design",
      sections: [{ key: "control", title: "Control", depth: 1, fields: [{ key: "project_name", label: "Project name", type: "text" }] }],
      signoffRoles: [],
    };
    await updateTemplate(owner, { slug: ws.slug, templateId: copy.id, definition, expectedVersion: 1 });
    const md = "---\n# project\nproject_name: Ledger   # the code name\ncolour: blue\n---\n\n# Ledger\n\n## Control\n\nKept.\n";
    const { document } = await importDocument(owner, { slug: ws.slug, markdown: md, templateId: copy.id });
    expect((await getDocument(owner, { documentId: document.id })).sections[0]!.fields).toEqual({ project_name: "Ledger" });
    expect((await exportDocumentMarkdown(owner, { documentId: document.id })).markdown).toBe(md);
    await updateDocument(owner, { documentId: document.id, fields: { control: { project_name: "Ledger: v2" } } });
    const after = (await exportDocumentMarkdown(owner, { documentId: document.id })).markdown;
    expect(after).toBe(md.replace("project_name: Ledger   #", 'project_name: "Ledger: v2"   #'));
  });
});
