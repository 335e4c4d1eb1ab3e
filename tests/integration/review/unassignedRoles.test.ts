import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidInput, SubmitBlocked } from "@/lib/errors";
import { updateSignoffRoles } from "@/lib/review/editRoles";
import { assignReviewer, getReview, submitForReview } from "@/lib/review/review";
import { testDb } from "../../support/db";
import { edit, setUpUnassigned } from "./setup";

const BLOCKING_SECURITY = [
  { key: "tech_lead", name: "Technical Lead", scope: [] },
  { key: "security_review", name: "Security Review", scope: ["security"], blocksWithoutReviewer: true },
];

describe("sign-off roles without a reviewer", () => {
  it("refuses submit while a blocking role has nobody assigned, naming the role, and lets it through once someone is", async () => {
    const { ws, owner, doc } = await setUpUnassigned(BLOCKING_SECURITY);
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");

    const blocked = await submitForReview(owner, { documentId: doc.id }).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(SubmitBlocked);
    // the Technical Lead has nobody either, but its template lets it only warn
    expect((blocked as SubmitBlocked).problems).toEqual([
      {
        sectionKey: null,
        sectionTitle: null,
        kind: "no-reviewer",
        detail: "Assign a reviewer for Security Review: this role needs one before review.",
        message: "Reviewers: assign a reviewer for Security Review: this role needs one before review.",
        roleKey: "security_review",
      },
    ]);
    expect((await getReview(owner, { documentId: doc.id })).status).toBe("draft");

    const reviewer = ws.members.editor![0]!;
    await assignReviewer(owner, { documentId: doc.id, roleKey: "security_review", reviewerId: reviewer.userId });
    const review = await submitForReview(owner, { documentId: doc.id });
    expect(review.status).toBe("in_review");
    expect(review.roles.map((r) => [r.name, r.blocksWithoutReviewer, r.reviewers.length])).toEqual([
      ["Technical Lead", false, 0],
      ["Security Review", true, 1],
    ]);
  });

  it("lists a blocking role beside the content's problems, and an owner's reason steps past both", async () => {
    const { owner, doc } = await setUpUnassigned(BLOCKING_SECURITY);
    const blocked = (await submitForReview(owner, { documentId: doc.id }).catch((e: unknown) => e)) as SubmitBlocked;
    expect(blocked.problems.map((p) => p.kind)).toEqual(["placeholder", "no-reviewer"]);
    const review = await submitForReview(owner, { documentId: doc.id, overrideReason: "The security reviewer joins next week" });
    expect(review.status).toBe("in_review");
    const step = await testDb().activity.findFirst({ where: { subjectId: doc.id, kind: "document.status" } });
    expect(step?.data).toMatchObject({ gateOverride: "The security reviewer joins next week", gateProblems: "2" });
  });

  it("submits with every role unassigned when the template marks none as blocking (as templates stored before the setting)", async () => {
    const { owner, doc } = await setUpUnassigned();
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
    const review = await submitForReview(owner, { documentId: doc.id });
    expect(review.status).toBe("in_review");
    expect(review.roles.every((r) => !r.blocksWithoutReviewer && r.reviewers.length === 0)).toBe(true);
  });

  it("keeps a role's setting when its document's roles are edited without it, and lets an edit turn it on", async () => {
    const { owner, doc } = await setUpUnassigned(BLOCKING_SECURITY);
    let review = await updateSignoffRoles(owner, {
      documentId: doc.id,
      roles: [
        { key: "tech_lead", name: "Technical Lead", scope: [], blocksWithoutReviewer: true },
        { key: "security_review", name: "Security & Privacy", scope: ["security"] },
        { name: "Data Model", scope: [] },
      ],
    });
    expect(review.roles.map((r) => [r.name, r.blocksWithoutReviewer])).toEqual([
      ["Technical Lead", true],
      ["Security & Privacy", true],
      ["Data Model", false],
    ]);
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
    const blocked = (await submitForReview(owner, { documentId: doc.id }).catch((e: unknown) => e)) as SubmitBlocked;
    expect(blocked.problems.map((p) => p.message)).toEqual([
      "Reviewers: assign a reviewer for Technical Lead: this role needs one before review.",
      "Reviewers: assign a reviewer for Security & Privacy: this role needs one before review.",
    ]);
    review = await getReview(owner, { documentId: doc.id });
    expect(review.status).toBe("draft");
  });

  it("refuses a setting that is not yes or no, and a reviewer for an unknown role (400), changing nothing", async () => {
    const { ws, owner, doc } = await setUpUnassigned(BLOCKING_SECURITY);
    const notABoolean = { documentId: doc.id, roles: [{ key: "security_review", name: "Security Review", scope: [], blocksWithoutReviewer: "yes" as unknown as boolean }] };
    await expect(updateSignoffRoles(owner, notABoolean)).rejects.toBeInstanceOf(z.ZodError);
    const unknownRole = await assignReviewer(owner, { documentId: doc.id, roleKey: "no_such_role", reviewerId: ws.members.editor![0]!.userId }).catch((e: unknown) => e);
    expect(unknownRole).toBeInstanceOf(InvalidInput);

    const stored = await testDb().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(stored.signoffRoles).toBeNull();
    expect(await testDb().reviewAssignment.count({ where: { documentId: doc.id } })).toBe(0);
    expect((await getReview(owner, { documentId: doc.id })).roles.map((r) => [r.key, r.blocksWithoutReviewer])).toEqual([
      ["tech_lead", false],
      ["security_review", true],
    ]);
  });
});
