import { describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { decisionLinks, documentIdByNumber } from "@/lib/documents/decisions";
import { decisionLog, decisionLogMarkdown } from "@/lib/documents/decisionLog";
import { deleteDocument, getDocument, updateDocument } from "@/lib/documents/documents";
import { Conflict, InvalidInput, NotFound } from "@/lib/errors";
import { changeStatus, decide, submitForReview } from "@/lib/review/review";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { edit, setUp } from "../review/setup";

/** A document of the review test template ("Review test": numbered RT-…) taken to Approved. */
async function approvedDocument() {
  const set = await setUp();
  await submitForReview(set.owner, { documentId: set.doc.id, overrideReason: "drill" });
  await decide(set.a, { documentId: set.doc.id, roleKey: "security_review", decision: "approved" });
  await decide(set.b, { documentId: set.doc.id, roleKey: "tech_lead", decision: "approved" });
  return set;
}

describe("decision numbers", () => {
  it("numbers a workspace's documents per prefix, never twice, even when created at the same moment", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const templates = await listTemplates(owner, { slug: ws.slug });
    const technical = templates.find((t) => t.key === "technical-design")!;
    const sdd = templates.find((t) => t.key === "software-design-document")!;
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => createDocument(owner, { slug: ws.slug, templateId: technical.id, title: `Plan ${i}` })));
    expect(made.map((d) => d.number).sort()).toEqual(["TD-0001", "TD-0002", "TD-0003", "TD-0004", "TD-0005", "TD-0006", "TD-0007", "TD-0008"]);
    // another template counts on its own
    expect((await createDocument(owner, { slug: ws.slug, templateId: sdd.id })).number).toBe("SDD-0001");
    // a number is not given again after its document is deleted, and another workspace starts at 1
    await deleteDocument(owner, { documentId: made[7]!.id });
    expect((await createDocument(owner, { slug: ws.slug, templateId: technical.id })).number).toBe("TD-0009");
    const other = await makeWorkspace();
    const otherTechnical = (await listTemplates(ctxFor(other.owner), { slug: other.slug })).find((t) => t.key === "technical-design")!;
    expect((await createDocument(ctxFor(other.owner), { slug: other.slug, templateId: otherTechnical.id })).number).toBe("TD-0001");
  });

  it("keeps the number through a rename, and finds the document by it only in its own workspace", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const technical = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === "technical-design")!;
    const doc = await createDocument(owner, { slug: ws.slug, templateId: technical.id, title: "Old name" });
    await updateDocument(owner, { documentId: doc.id, title: "New name" });
    expect((await getDocument(owner, { documentId: doc.id })).number).toBe(doc.number);
    const workspaceId = (await testDb().workspace.findUniqueOrThrow({ where: { slug: ws.slug } })).id;
    expect(await documentIdByNumber(owner, workspaceId, doc.number!.toLowerCase())).toBe(doc.id);
    await expect(documentIdByNumber(owner, workspaceId, "TD-0099")).rejects.toBeInstanceOf(NotFound);
    await expect(documentIdByNumber(owner, workspaceId, "not a number")).rejects.toBeInstanceOf(NotFound);
  });
});

describe("decision lifecycle", () => {
  it("asks a reason to withdraw, reject, deprecate or supersede, and changes nothing without one", async () => {
    const { owner, doc } = await setUp();
    await submitForReview(owner, { documentId: doc.id, overrideReason: "drill" });
    for (const action of ["withdraw", "reject"] as const) {
      await expect(changeStatus(owner, { documentId: doc.id, action })).rejects.toBeInstanceOf(InvalidInput);
      await expect(changeStatus(owner, { documentId: doc.id, action, reason: "   " })).rejects.toBeInstanceOf(InvalidInput);
    }
    expect((await testDb().document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe("in_review");

    const rejected = await changeStatus(owner, { documentId: doc.id, action: "reject", reason: "We keep the old ledger." });
    expect(rejected.status).toBe("rejected");
    const row = await testDb().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row).toMatchObject({ statusReason: "We keep the old ledger." });
    expect(row.decidedAt).not.toBeNull();
    const activity = await testDb().activity.findFirstOrThrow({ where: { subjectId: doc.id, kind: "document.status" }, orderBy: { createdAt: "desc" } });
    expect(activity.data).toMatchObject({ from: "in_review", to: "rejected", action: "reject", reason: "We keep the old ledger." });
    // a rejected proposal can be reopened, and the reason goes with the status it explained
    expect((await changeStatus(owner, { documentId: doc.id, action: "reopen" })).status).toBe("draft");
    expect((await testDb().document.findUniqueOrThrow({ where: { id: doc.id } })).statusReason).toBeNull();
  });

  it("supersedes by number: both documents show the link, and the log lists both", async () => {
    const { ws, owner, doc: old } = await approvedDocument();
    const newer = await createDocument(owner, { slug: ws.slug, templateId: old.template.id, title: "Payments ledger, second edition" });
    expect([old.number, newer.number]).toEqual(["RT-0001", "RT-0002"]);

    await expect(changeStatus(owner, { documentId: old.id, action: "supersede", reason: "Replaced.", supersededBy: "RT-0099" })).rejects.toBeInstanceOf(InvalidInput);
    await expect(changeStatus(owner, { documentId: old.id, action: "supersede", reason: "Replaced.", supersededBy: old.number! })).rejects.toBeInstanceOf(InvalidInput);
    expect((await changeStatus(owner, { documentId: old.id, action: "supersede", reason: "The second edition settles retries.", supersededBy: "rt-2" })).status).toBe("superseded");

    const oldLinks = await decisionLinks(testDb(), await getDocument(owner, { documentId: old.id }));
    expect(oldLinks).toMatchObject({ number: "RT-0001", statusReason: "The second edition settles retries.", supersededBy: { id: newer.id, number: "RT-0002" }, supersedes: [] });
    const newLinks = await decisionLinks(testDb(), await getDocument(owner, { documentId: newer.id }));
    expect(newLinks).toMatchObject({ number: "RT-0002", supersededBy: null, supersedes: [{ id: old.id, number: "RT-0001", status: "superseded" }] });

    // a superseded decision cannot be deprecated any more; an approved one could have been
    await expect(changeStatus(owner, { documentId: old.id, action: "deprecate", reason: "Old." })).rejects.toBeInstanceOf(Conflict);

    const log = await decisionLog(owner, { slug: ws.slug });
    expect(log.entries.map((e) => [e.number, e.status, e.supersededBy?.number ?? null, e.supersedes.map((s) => s.number)])).toEqual([
      ["RT-0001", "superseded", "RT-0002", []],
      ["RT-0002", "draft", null, ["RT-0001"]],
    ]);
    const first = log.entries[0]!;
    expect(first.approvers.map((a) => a.role).sort()).toEqual(["security_review", "tech_lead"]);
    expect(first.decided).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await decisionLog(owner, { slug: ws.slug, status: "superseded" })).entries.map((e) => e.number)).toEqual(["RT-0001"]);
    await expect(decisionLog(owner, { slug: ws.slug, template: "no-such-template" })).rejects.toBeInstanceOf(InvalidInput);

    const md = decisionLogMarkdown("Acme | Platform", log);
    expect(md).toContain("# Decision log: Acme \\| Platform\n");
    expect(md).toContain("| RT-0001 | Payments ledger | Superseded by RT-0002 |");
    expect(md).toContain("| RT-0002 | Payments ledger, second edition | Draft |");
  });

  it("shows no one outside the workspace its log", async () => {
    const { ws } = await setUp();
    const stranger = await makeWorkspace();
    await expect(decisionLog(ctxFor(stranger.owner), { slug: ws.slug })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("references between documents", () => {
  it("lists the documents whose text links to one, by number or by id, through a rename, live ones only", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const technical = (await listTemplates(owner, { slug: ws.slug })).find((t) => t.key === "technical-design")!;
    const target = await createDocument(owner, { slug: ws.slug, templateId: technical.id, title: "Queue on Postgres" });
    const byNumber = await createDocument(owner, { slug: ws.slug, templateId: technical.id, title: "Retries" });
    const byId = await createDocument(owner, { slug: ws.slug, templateId: technical.id, title: "Billing" });
    const unrelated = await createDocument(owner, { slug: ws.slug, templateId: technical.id, title: "Search" });
    const key = (await getDocument(owner, { documentId: byNumber.id })).sections[0]!.key;
    await edit(byNumber.id, key, "Overview", `Builds on [TD-0001](/w/${ws.slug}/d/${target.number}).`);
    await edit(byId.id, key, "Overview", `See [the queue](http://localhost:3000/w/${ws.slug}/d/${target.id}#section-goals).`);
    // a link to another workspace's TD-0001 is not a reference to this one
    await edit(unrelated.id, key, "Overview", `Compare [TD-0001](/w/elsewhere/d/TD-0001) and TD-00012.`);

    const referencedBy = async () => (await decisionLinks(testDb(), await getDocument(owner, { documentId: target.id }))).referencedBy.map((d) => d.number);
    expect(await referencedBy()).toEqual([byNumber.number, byId.number]);
    await updateDocument(owner, { documentId: target.id, title: "Queue on Postgres, revised" });
    expect(await referencedBy()).toEqual([byNumber.number, byId.number]);
    await deleteDocument(owner, { documentId: byId.id });
    expect(await referencedBy()).toEqual([byNumber.number]);
  });
});
