import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { createDocument } from "@/lib/documents/createDocument";
import { getDocument } from "@/lib/documents/documents";
import { NotFound } from "@/lib/errors";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { importMarkdown } from "@/lib/markdown/importMarkdown";
import { assignReviewer, decide, submitForReview } from "@/lib/review/review";
import { listTemplates } from "@/lib/templates/templates";
import { contentHash } from "@/lib/util/hash";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

const SDD = "software-design-document";

async function sddDocument() {
  const ws = await makeWorkspace(["editor", "viewer"]);
  const owner = ctxFor(ws.owner);
  const templateId = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === SDD)!.id;
  const summary = await createDocument(owner, { slug: ws.slug, templateId }, new Date("2026-03-04T10:00:00Z"));
  return { ws, owner, documentId: summary.id };
}

function split(markdown: string): { frontMatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(markdown);
  expect(match, "front matter between --- lines, then a blank line").not.toBeNull();
  return { frontMatter: parseYaml(match![1]!) as Record<string, unknown>, body: match![2]! };
}

describe("exporting a document as Markdown", () => {
  it("writes front matter, the title as H1 and every section at its depth", async () => {
    const { ws, owner, documentId } = await sddDocument();
    const doc = await getDocument(owner, { documentId });
    const { filename, markdown } = await exportDocumentMarkdown(owner, { documentId });

    expect(filename).toBe("software-design-document-sdd.md");
    const { frontMatter, body } = split(markdown);
    expect(Object.keys(frontMatter)).toEqual(["title", "number", "status", "template", "template_version", "content_hash", "authors", "reviewers", "created", "updated"]);
    expect(frontMatter).toMatchObject({ title: "Software Design Document (SDD)", status: "draft", template: SDD, template_version: 1, authors: [ws.owner.name], reviewers: [] });
    expect(frontMatter.updated).toBe(doc.updatedAt);
    expect(new Date(String(frontMatter.created)).toISOString()).toBe(frontMatter.created);
    expect(frontMatter.content_hash).toBe(contentHash(doc.sections.map((s) => ({ key: s.key, title: s.title, depth: s.depth, fields: s.fields, body: s.body }))));

    expect(body.startsWith("# Software Design Document (SDD)\n\n")).toBe(true);
    expect(body).toContain("\n## Document Control\n");
    expect(body).toContain("\n### Document History\n");
    const reimported = importMarkdown(markdown);
    expect(reimported.title).toBe(doc.title);
    expect(reimported.sections.map((s) => [s.depth, s.title])).toEqual(doc.sections.map((s) => [s.depth, s.title]));
    expect(markdown.endsWith("\n") && !markdown.endsWith("\n\n")).toBe(true);
  });

  it("lists each section's fields by label, with people as names", async () => {
    const { ws, owner, documentId } = await sddDocument();
    const reviewer = ws.members.editor[0]!;
    const control = await testDb().section.findFirstOrThrow({ where: { documentId, key: "document_control" } });
    await testDb().section.update({
      where: { id: control.id },
      data: { fields: { ...(control.fields as Record<string, unknown>), project_name: "Ledger | v2", reviewers: [reviewer.userId] } },
    });

    const { markdown } = await exportDocumentMarkdown(owner, { documentId });
    expect(markdown).toContain(["## [Project Name] - Technical Architecture & Design", "", "| Field | Value |", "| - | - |", `| Author | ${ws.owner.name} |`, "| Date | 2026-03-04 |"].join("\n"));
    expect(markdown).toContain(["| Project Name | Ledger \\| v2 |", "| Version | 1.0.0 |", "| Status | Draft |", `| Author(s) | ${ws.owner.name} |`, `| Reviewers | ${reviewer.name} |`, "| Approval Date | |"].join("\n"));
    expect(markdown).not.toContain(reviewer.userId);
  });

  it("lists each reviewer's latest decision with the hash of the content it covered", async () => {
    const { ws, owner, documentId } = await sddDocument();
    const reviewer = ws.members.editor[0]!;
    await assignReviewer(owner, { documentId, roleKey: "security_review", reviewerId: reviewer.userId });
    await submitForReview(owner, { documentId, overrideReason: "Starter text is fine here." });
    await decide(ctxFor(reviewer), { documentId, roleKey: "security_review", decision: "changes_requested", comment: "Threats?" });
    await submitForReview(owner, { documentId, overrideReason: "Starter text is fine here." });
    await decide(ctxFor(reviewer), { documentId, roleKey: "security_review", decision: "approved" });

    const { frontMatter } = split((await exportDocumentMarkdown(owner, { documentId })).markdown);
    const approval = await testDb().approval.findFirstOrThrow({ where: { documentId, decision: "approved" } });
    expect(frontMatter.reviewers).toEqual([{ name: reviewer.name, role: "Security Review", decision: "approved", date: approval.createdAt.toISOString(), content_hash: approval.contentHash }]);
    expect(approval.contentHash).not.toBe(frontMatter.content_hash);
  });

  it("gives the same bytes for an unchanged document", async () => {
    const { owner, documentId } = await sddDocument();
    const first = await exportDocumentMarkdown(owner, { documentId });
    expect(await exportDocumentMarkdown(owner, { documentId })).toEqual(first);
  });

  it("lets any member export, and tells outsiders the document does not exist", async () => {
    const { ws, documentId } = await sddDocument();
    const outsider = await makeWorkspace();
    await expect(exportDocumentMarkdown(ctxFor(ws.members.viewer[0]!), { documentId })).resolves.toMatchObject({ filename: "software-design-document-sdd.md" });
    await expect(exportDocumentMarkdown(ctxFor(outsider.owner), { documentId })).rejects.toBeInstanceOf(NotFound);
    await expect(exportDocumentMarkdown(ctxFor(outsider.owner), { documentId: "cmissing0000000000000000" })).rejects.toBeInstanceOf(NotFound);
  });
});
