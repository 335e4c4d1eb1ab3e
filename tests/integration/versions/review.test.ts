import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changeDocument } from "@/lib/collab/gateway";
import { writeSection } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { assignReviewer, decide, getReview, submitForReview } from "@/lib/review/review";
import { duplicateTemplate, listTemplates, updateTemplate } from "@/lib/templates/templates";
import { diffVersions, listVersions } from "@/lib/versions/versions";
import { ctxFor, makeWorkspace } from "../../support/db";

const DEFINITION = {
  key: "versions-review",
  name: "Versions review",
  description: "Two sections, one sign-off",
  titlePattern: "Refunds",
  sections: [
    { key: "design", title: "Design", depth: 1, starter: "Refunds go back to the card." },
    { key: "risks", title: "Risks", depth: 1, starter: "Double refunds." },
  ],
  signoffRoles: [{ key: "tech_lead", name: "Technical Lead", scope: [] }],
};

function edit(documentId: string, key: string, title: string, markdown: string) {
  return changeDocument(documentId, (ydoc: Y.Doc) => writeSection(ydoc, { key, title, depth: 1, fields: {}, body: normalizeDoc(markdownToDoc(markdown).doc) }));
}

describe("versions in review", () => {
  it("binds a decision to the version it was made on, so a stale approval shows the diff since it was given", async () => {
    const ws = await makeWorkspace(["editor"]);
    const owner = ctxFor(ws.owner);
    const reviewer = ctxFor(ws.members.editor[0]!);
    const builtin = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.builtin)!;
    const copy = await duplicateTemplate(owner, { slug: ws.slug, templateId: builtin.id });
    await updateTemplate(owner, { slug: ws.slug, templateId: copy.id, definition: { ...DEFINITION, key: copy.key }, expectedVersion: 1 });
    const doc = await createDocument(owner, { slug: ws.slug, templateId: copy.id });
    await assignReviewer(owner, { documentId: doc.id, roleKey: "tech_lead", reviewerId: reviewer.actor.userId });

    await edit(doc.id, "design", "Design", "Refunds go back to the card within a day.");
    await submitForReview(owner, { documentId: doc.id });
    let review = await decide(reviewer, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });
    expect(review.status).toBe("approved");
    const decidedOn = review.roles[0]!.decisions[0]!.versionNumber!;
    const versions = await listVersions(owner, { documentId: doc.id });
    // a version per status step; the approval points at the content it approved
    expect(versions.filter((v) => v.kind === "status").map((v) => v.label)).toEqual(["Approved", "In Review"]);
    expect(versions.find((v) => v.number === decidedOn)!.contentHash).toBe(versions[0]!.contentHash);

    await edit(doc.id, "risks", "Risks", "Double refunds; refunds after a chargeback.");
    review = await getReview(reviewer, { documentId: doc.id });
    expect(review.status).toBe("in_review");
    expect(review.roles[0]!.decisions[0]).toMatchObject({ stale: true, versionNumber: decidedOn });
    // falling back to In Review is a status change too
    expect((await listVersions(owner, { documentId: doc.id }))[0]).toMatchObject({ kind: "status", label: "In Review" });

    const since = await diffVersions(reviewer, { documentId: doc.id, from: decidedOn });
    expect(since.summaryText).toBe("1 section changed");
    expect(since.sections.find((s) => s.key === "risks")?.body?.[0]).toMatchObject({ type: "text", parts: expect.arrayContaining([{ value: "; refunds after a chargeback", added: true }]) });
  });
});
