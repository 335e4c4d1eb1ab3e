import { describe, expect, it } from "vitest";
import { Conflict, Forbidden, SubmitBlocked } from "@/lib/errors";
import { listNotifications, markRead } from "@/lib/notifications/inbox";
import { changeStatus, decide, getReview, submitForReview } from "@/lib/review/review";
import { testDb } from "../../support/db";
import { edit, setUp } from "./setup";

describe("review and sign-off", () => {
  it("walks a document from a blocked submit to Approved, with approvals bound to their content", async () => {
    const { owner, doc, a, b } = await setUp();

    const blocked = await submitForReview(owner, { documentId: doc.id }).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(SubmitBlocked);
    expect((blocked as SubmitBlocked).problems).toEqual([
      { sectionKey: "security", sectionTitle: "Security", kind: "placeholder", detail: "Replace the placeholder “[List the threats]”.", message: "Security: replace the placeholder “[List the threats]”.", text: "[List the threats]" },
    ]);

    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
    expect((await submitForReview(owner, { documentId: doc.id })).status).toBe("in_review");

    let review = await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    expect(review.status).toBe("in_review");
    review = await decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "changes_requested", comment: "Say how retries work." });
    expect(review.status).toBe("changes_requested");

    // the author edits the security section: A's approval goes stale
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks; signatures are checked.");
    review = await getReview(owner, { documentId: doc.id });
    expect(review.roles.find((r) => r.key === "security_review")).toMatchObject({ approved: false, decisions: [{ decision: "approved", stale: true }] });

    expect((await submitForReview(owner, { documentId: doc.id })).status).toBe("in_review");
    await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    review = await decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });
    expect(review.status).toBe("approved");

    // an edit outside the security section: the scoped approval stays, the whole-document one goes stale
    await edit(doc.id, "design", "Design", "The design, now with retries.");
    review = await getReview(owner, { documentId: doc.id });
    expect(review.status).toBe("in_review");
    expect(review.roles.find((r) => r.key === "security_review")!.approved).toBe(true);
    expect(review.roles.find((r) => r.key === "tech_lead")!.approved).toBe(false);

    const kinds = (await testDb().activity.findMany({ where: { subjectId: doc.id }, orderBy: { createdAt: "asc" } })).map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(["review.assigned", "document.status", "review.approved", "review.changes_requested", "review.stale"]));
  });

  it("two reviewers approving at the same moment make the document Approved", async () => {
    for (let round = 0; round < 3; round++) {
      const { owner, doc, a, b } = await setUp();
      await submitForReview(owner, { documentId: doc.id, overrideReason: "drill" });
      await Promise.all([
        decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" }),
        decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" }),
      ]);
      expect((await testDb().document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe("approved");
    }
  });

  it("refuses decisions from non-reviewers (403) and outside review (409)", async () => {
    const { owner, doc, a } = await setUp();
    await expect(decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" })).rejects.toBeInstanceOf(Conflict);
    await submitForReview(owner, { documentId: doc.id, overrideReason: "Placeholders are intentional in this drill" });
    await expect(decide(a, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" })).rejects.toBeInstanceOf(Forbidden);
    await expect(changeStatus(a, { documentId: doc.id, action: "markImplemented" })).rejects.toBeInstanceOf(Conflict);
    const override = await testDb().activity.findFirst({ where: { subjectId: doc.id, kind: "document.status" } });
    expect(override?.data).toMatchObject({ gateOverride: "Placeholders are intentional in this drill" });
  });

  it("notifies reviewers of requests and stale decisions, and the author of decisions and status changes", async () => {
    const { owner, doc, a, b } = await setUp();
    expect((await listNotifications(a)).items.map((n) => n.kind)).toEqual(["review.requested"]);
    await submitForReview(owner, { documentId: doc.id, overrideReason: "drill" });
    await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    await edit(doc.id, "security", "Security", "Changed after the approval.");
    const mine = await listNotifications(a);
    expect(mine.items.map((n) => n.kind)).toEqual(["review.stale", "document.status", "review.requested"]);
    expect(mine.items[0]!.text).toContain("Security Review decision");
    expect(mine.items[0]!.url).toBe(`/w/${(await testDb().workspace.findFirstOrThrow({ where: { documents: { some: { id: doc.id } } } })).slug}/d/${doc.id}`);
    expect((await listNotifications(owner)).items.map((n) => n.kind)).toContain("review.decided");
    // the actor is never told about their own step, and reading clears the badge
    expect((await listNotifications(b)).items.map((n) => n.kind)).toEqual(["document.status", "review.requested"]);
    expect((await markRead(b, { all: true })).unread).toBe(0);
    expect(mine.unread).toBe(3);
  });

  it("offers a one-click re-approval when an edit was undone", async () => {
    const { owner, doc, a } = await setUp();
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
    await submitForReview(owner, { documentId: doc.id });
    await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    await edit(doc.id, "security", "Security", "Threats: something else.");
    let decision = (await getReview(a, { documentId: doc.id })).roles.find((r) => r.key === "security_review")!.decisions[0]!;
    expect(decision).toMatchObject({ stale: true, unchangedSince: false });
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
    decision = (await getReview(a, { documentId: doc.id })).roles.find((r) => r.key === "security_review")!.decisions[0]!;
    expect(decision).toMatchObject({ stale: true, unchangedSince: true });
  });
});

