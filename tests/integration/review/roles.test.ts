import { describe, expect, it } from "vitest";
import { Conflict, Forbidden, InvalidInput, NotFound } from "@/lib/errors";
import { updateSignoffRoles } from "@/lib/review/editRoles";
import { assignReviewer, decide, getReview, submitForReview } from "@/lib/review/review";
import { listDocumentActivity } from "@/lib/review/listActivity";
import { ctxFor, makeUser, makeWorkspace, testDb } from "../../support/db";
import { edit, setUp } from "./setup";

describe("sign-off roles per document", () => {
  it("lets the author rename, drop and add a scoped role; the new role's approval covers only its sections", async () => {
    const { owner, doc, a, b } = await setUp();
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");

    let review = await updateSignoffRoles(owner, {
      documentId: doc.id,
      roles: [
        { key: "security_review", name: "Security & Privacy", scope: ["security"] },
        { name: "Data Model (DBA)", scope: ["design"] },
      ],
    });
    expect(review.roles.map((r) => [r.name, r.scope, r.reviewers.length])).toEqual([
      ["Security & Privacy", ["security"], 1],
      ["Data Model (DBA)", ["design"], 0],
    ]);
    // the dropped role took its reviewer with it
    expect(await testDb().reviewAssignment.count({ where: { documentId: doc.id, roleKey: "tech_lead" } })).toBe(0);
    const dba = review.roles[1]!.key;
    expect(dba).toBe("role_data_model_dba");

    await assignReviewer(owner, { documentId: doc.id, roleKey: dba, reviewerId: b.actor.userId });
    await submitForReview(owner, { documentId: doc.id });
    await decide(b, { documentId: doc.id, roleKey: dba, decision: "approved" });
    review = await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    expect(review.status).toBe("approved");

    // an edit outside the DBA's sections leaves its approval current
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks; signatures are checked.");
    review = await getReview(owner, { documentId: doc.id });
    expect(review.roles.find((r) => r.key === dba)).toMatchObject({ approved: true, decisions: [{ stale: false }] });
    expect(review.roles.find((r) => r.key === "security_review")).toMatchObject({ approved: false, decisions: [{ stale: true }] });

    const log = await listDocumentActivity(owner, { documentId: doc.id });
    expect(log.find((e) => e.kind === "review.roles")?.data).toMatchObject({ roles: "Security & Privacy, Data Model (DBA)", removed: "Technical Lead" });
    // roles by their titles, not their keys
    expect(log.filter((e) => e.kind === "review.approved").map((e) => e.text).sort()).toEqual(["approved as Data Model (DBA)", "approved as Security & Privacy"]);
  });

  it("marks a rescoped role's current decisions stale", async () => {
    const { owner, doc, a } = await setUp();
    await edit(doc.id, "security", "Security", "Threats: none found.");
    await submitForReview(owner, { documentId: doc.id });
    await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "changes_requested", comment: "Cover the design too." });
    const review = await updateSignoffRoles(owner, {
      documentId: doc.id,
      roles: [
        { key: "tech_lead", name: "Technical Lead", scope: [] },
        { key: "security_review", name: "Security Review", scope: ["security", "design"] },
      ],
    });
    expect(review.roles.find((r) => r.key === "security_review")?.decisions).toMatchObject([{ decision: "changes_requested", stale: true }]);
  });

  it("refuses unknown sections (400), edits during review (409), viewers (403) and outsiders (404), changing nothing", async () => {
    const { owner, doc, ws } = await setUp();
    const roles = [{ name: "DBA", scope: ["no_such_section"] }];
    const invalid = await updateSignoffRoles(owner, { documentId: doc.id, roles }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidInput);
    expect((invalid as InvalidInput).fields).toEqual({ "roles.0.scope": ["not sections of this document: no_such_section"] });

    const outsider = ctxFor((await makeWorkspace([])).owner);
    await expect(updateSignoffRoles(outsider, { documentId: doc.id, roles: [] })).rejects.toBeInstanceOf(NotFound);

    const reader = await makeUser("Reader");
    await testDb().membership.create({ data: { workspaceId: ws.id, userId: reader.userId, role: "viewer" } });
    await expect(updateSignoffRoles(ctxFor(reader), { documentId: doc.id, roles: [] })).rejects.toBeInstanceOf(Forbidden);

    await edit(doc.id, "security", "Security", "Threats: none found.");
    await submitForReview(owner, { documentId: doc.id });
    await expect(updateSignoffRoles(owner, { documentId: doc.id, roles: [] })).rejects.toBeInstanceOf(Conflict);
    expect((await getReview(owner, { documentId: doc.id })).roles.map((r) => r.key)).toEqual(["tech_lead", "security_review"]);
    expect((await testDb().document.findUniqueOrThrow({ where: { id: doc.id } })).signoffRoles).toBeNull();
  });
});
