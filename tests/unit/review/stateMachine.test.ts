import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/access/roles";
import { DOCUMENT_STATUSES, type DocumentStatus } from "@/lib/documents/inputs";
import { availableSteps, REVIEW_ACTIONS, RULES, rolesEditable, systemTransition, transition, type ReviewAction } from "@/lib/review/stateMachine";

const as = (role: Role) => ({ userId: "me", role });

type Actor = { role: Role; isReviewer: boolean; label: string };
const ACTORS: Actor[] = [
  ...ROLES.map((role) => ({ role, isReviewer: false, label: role })),
  { role: "viewer", isReviewer: true, label: "assigned reviewer (viewer)" },
];

/** The expected outcome, written out as the rules read in the issue. */
function expected(status: DocumentStatus, action: ReviewAction, actor: Actor, allApproved: boolean): DocumentStatus | 403 | 409 {
  const editor = actor.role !== "viewer";
  const may: Record<ReviewAction, boolean> = {
    submit: editor,
    approve: actor.isReviewer,
    requestChanges: actor.isReviewer,
    markImplemented: editor,
    withdraw: editor,
    reject: editor,
    deprecate: editor,
    supersede: editor,
    reopen: editor,
  };
  if (!may[action]) return 403;
  const open = ["draft", "in_review", "changes_requested", "approved"].includes(status);
  switch (action) {
    case "submit":
      return status === "draft" || status === "changes_requested" ? "in_review" : 409;
    case "approve":
      return status === "in_review" ? (allApproved ? "approved" : "in_review") : 409;
    case "requestChanges":
      return status === "in_review" || status === "approved" ? "changes_requested" : 409;
    case "markImplemented":
      return status === "approved" ? "implemented" : 409;
    case "withdraw":
      return open ? "withdrawn" : 409;
    case "reject":
      return status === "in_review" || status === "changes_requested" ? "rejected" : 409;
    case "deprecate":
      return status === "approved" || status === "implemented" ? "deprecated" : 409;
    case "supersede":
      return status === "approved" || status === "implemented" || status === "deprecated" ? "superseded" : 409;
    case "reopen":
      return status === "withdrawn" || status === "rejected" ? "draft" : 409;
  }
}

describe("review state machine", () => {
  for (const status of DOCUMENT_STATUSES) {
    for (const action of REVIEW_ACTIONS) {
      for (const actor of ACTORS) {
        for (const allApproved of action === "approve" ? [false, true] : [false]) {
          const want = expected(status, action, actor, allApproved);
          const label = `${actor.label}: ${action} on ${status}${action === "approve" ? (allApproved ? " (last role)" : " (roles left)") : ""} → ${want}`;
          it(label, () => {
            const got = transition(status, action, { membership: as(actor.role), isReviewer: actor.isReviewer, allApproved });
            expect(got.ok ? got.next : got.status).toBe(want);
          });
        }
      }
    }
  }

  it("lets an owner or admin override who may act, with a reason, but never the status rules", () => {
    expect(transition("in_review", "approve", { membership: as("admin"), isReviewer: false, allApproved: true, overrideReason: "Reviewer on leave" })).toEqual({ ok: true, next: "approved", overridden: true });
    expect(transition("in_review", "approve", { membership: as("admin"), isReviewer: false, overrideReason: "  " })).toMatchObject({ ok: false, status: 403 });
    expect(transition("in_review", "approve", { membership: as("editor"), isReviewer: false, overrideReason: "please" })).toMatchObject({ ok: false, status: 403 });
    expect(transition("implemented", "approve", { membership: as("owner"), isReviewer: false, overrideReason: "x" })).toMatchObject({ ok: false, status: 409 });
  });

  it("asks a reason for each step that ends or retires a decision", () => {
    expect(REVIEW_ACTIONS.filter((action) => RULES[action].needsReason)).toEqual(["withdraw", "reject", "deprecate", "supersede"]);
  });

  it("explains a refusal", () => {
    const refused = transition("implemented", "submit", { membership: as("editor"), isReviewer: false });
    expect(refused).toMatchObject({ ok: false, status: 409 });
    expect(!refused.ok && refused.reason).toContain("implemented");
  });

  it("takes Specwright's own step only where the status allows it: changed content sends Approved back to In Review", () => {
    for (const status of DOCUMENT_STATUSES) expect(systemTransition(status, "contentChanged")).toBe(status === "approved" ? "in_review" : null);
  });

  it("lets sign-off roles change only while Draft or Changes Requested", () => {
    expect(DOCUMENT_STATUSES.filter(rolesEditable)).toEqual(["draft", "changes_requested"]);
  });

  it("offers exactly the steps transition would take without an override", () => {
    expect(availableSteps("approved", { membership: as("editor"), isReviewer: false })).toEqual(["markImplemented", "withdraw", "deprecate", "supersede"]);
    expect(availableSteps("in_review", { membership: as("editor"), isReviewer: false })).toEqual(["withdraw", "reject"]);
    expect(availableSteps("rejected", { membership: as("editor"), isReviewer: false })).toEqual(["reopen"]);
    expect(availableSteps("in_review", { membership: as("viewer"), isReviewer: true })).toEqual(["approve", "requestChanges"]);
    expect(availableSteps("in_review", { membership: as("viewer"), isReviewer: false })).toEqual([]);
  });
});
