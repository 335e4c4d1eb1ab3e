import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createDocument } from "@/lib/documents/createDocument";
import { Forbidden, SubmitBlocked } from "@/lib/errors";
import { listDocumentActivity } from "@/lib/review/listActivity";
import { decide, getReview, submitForReview } from "@/lib/review/review";
import { listTemplates } from "@/lib/templates/templates";
import { edit, setUp } from "./setup";

describe("review overrides and who sees what", () => {
  it("lets the document's owner, not another editor, submit past the gate with a reason", async () => {
    const { ws, owner, a, b } = await setUp();
    const template = (await listTemplates(owner, { slug: ws.slug })).find((t) => !t.builtin)!;
    const doc = await createDocument(a, { slug: ws.slug, templateId: template.id });
    await expect(submitForReview(b, { documentId: doc.id, overrideReason: "ship it" })).rejects.toBeInstanceOf(SubmitBlocked);
    expect((await getReview(b, { documentId: doc.id })).can).toMatchObject({ submit: true, overrideGate: false });
    expect((await getReview(a, { documentId: doc.id })).can).toMatchObject({ submit: true, overrideGate: true });
    expect((await submitForReview(a, { documentId: doc.id, overrideReason: "Placeholders are examples" })).status).toBe("in_review");
  });

  it("refuses a blank override reason and keeps the reason in the activity log", async () => {
    const { owner, doc } = await setUp();
    const blank = await submitForReview(owner, { documentId: doc.id, overrideReason: "   " }).catch((e: unknown) => e);
    expect(blank).toBeInstanceOf(ZodError);
    expect((blank as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([["overrideReason", "Write a reason: it is kept in the activity log."]]);
    expect((await getReview(owner, { documentId: doc.id })).status).toBe("draft");

    await submitForReview(owner, { documentId: doc.id, overrideReason: "  The threats are listed in the linked threat model.  " });
    const [latest] = await listDocumentActivity(owner, { documentId: doc.id });
    expect(latest).toMatchObject({ kind: "document.status", data: { from: "draft", to: "in_review", gateOverride: "The threats are listed in the linked threat model.", gateProblems: "1" } });
    expect(latest!.text).toBe("moved it from Draft to In Review, submitting it despite 1 problem: “The threats are listed in the linked threat model.”");
  });

  it("lets an owner or admin, not an editor, decide for a role in a reviewer's place, with a reason", async () => {
    const { owner, doc, a } = await setUp();
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
    await submitForReview(owner, { documentId: doc.id });
    await expect(decide(a, { documentId: doc.id, roleKey: "tech_lead", decision: "approved", overrideReason: "on leave" })).rejects.toBeInstanceOf(Forbidden);
    const review = await decide(owner, { documentId: doc.id, roleKey: "tech_lead", decision: "approved", overrideReason: "Lead on leave" });
    expect(review.roles.find((r) => r.key === "tech_lead")!.approved).toBe(true);
  });

  it("offers decisions only on the roles the reader is assigned to, while in review", async () => {
    const { owner, doc, a } = await setUp();
    expect((await getReview(a, { documentId: doc.id })).can.decide).toEqual([]);
    await submitForReview(owner, { documentId: doc.id, overrideReason: "drill" });
    expect((await getReview(a, { documentId: doc.id })).can.decide).toEqual(["security_review"]);
    expect((await getReview(owner, { documentId: doc.id })).can).toMatchObject({ decide: [], steps: ["withdraw", "reject"], editRoles: false });
  });

  it("shows the activity log to admins only", async () => {
    const { owner, doc, a } = await setUp();
    expect((await listDocumentActivity(owner, { documentId: doc.id })).length).toBeGreaterThan(0);
    await expect(listDocumentActivity(a, { documentId: doc.id })).rejects.toBeInstanceOf(Forbidden);
  });
});
