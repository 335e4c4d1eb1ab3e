import type { Role } from "../access/roles";
import { atLeast } from "../access/roles";
import type { DocumentStatus } from "../documents/inputs";

/** What someone can do to a document's status. */
export const REVIEW_ACTIONS = ["submit", "approve", "requestChanges", "markImplemented", "withdraw", "supersede", "reopen"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface TransitionFacts {
  /** the actor's workspace role */
  role: Role;
  /** the actor is assigned to at least one sign-off role of the document */
  isReviewer: boolean;
  /** after this decision, every required sign-off role has a current approval */
  allApproved?: boolean;
  /** owners and admins may force a step with a written reason */
  overrideReason?: string;
}

export type TransitionResult = { ok: true; next: DocumentStatus; overridden: boolean } | { ok: false; status: 403 | 409; reason: string };

const OPEN: DocumentStatus[] = ["draft", "in_review", "changes_requested", "approved"];

interface Rule {
  from: DocumentStatus[];
  /** who may take the step (besides an override) */
  who: (f: TransitionFacts) => boolean;
  to: (f: TransitionFacts) => DocumentStatus;
  describe: string;
}

const isEditor = (f: TransitionFacts) => atLeast(f.role, "editor");

/**
 * Draft → In Review; In Review → Changes Requested → In Review; In Review → Approved
 * (when every required role has a current approval); Approved → Implemented; any open
 * state → Withdrawn; Approved/Implemented → Superseded; Withdrawn → Draft.
 */
export const RULES: Record<ReviewAction, Rule> = {
  submit: { from: ["draft", "changes_requested"], who: isEditor, to: () => "in_review", describe: "submit for review" },
  approve: { from: ["in_review"], who: (f) => f.isReviewer, to: (f) => (f.allApproved ? "approved" : "in_review"), describe: "approve" },
  requestChanges: { from: ["in_review", "approved"], who: (f) => f.isReviewer, to: () => "changes_requested", describe: "request changes" },
  markImplemented: { from: ["approved"], who: isEditor, to: () => "implemented", describe: "mark as implemented" },
  withdraw: { from: OPEN, who: isEditor, to: () => "withdrawn", describe: "withdraw" },
  supersede: { from: ["approved", "implemented"], who: isEditor, to: () => "superseded", describe: "mark as superseded" },
  reopen: { from: ["withdrawn"], who: isEditor, to: () => "draft", describe: "reopen" },
};

/**
 * Decides one status step: the next status, 403 when the actor may not take it, or 409
 * when the document's status does not allow it. An owner or admin with a reason may take
 * any step the status allows.
 */
export function transition(status: DocumentStatus, action: ReviewAction, facts: TransitionFacts): TransitionResult {
  const rule = RULES[action];
  const override = Boolean(facts.overrideReason?.trim()) && atLeast(facts.role, "admin");
  const allowed = rule.who(facts) || override;
  if (!allowed) return { ok: false, status: 403, reason: `You may not ${rule.describe} this document.` };
  if (!rule.from.includes(status)) {
    return { ok: false, status: 409, reason: `A document that is ${status.replace("_", " ")} cannot be ${rule.describe === "approve" ? "approved" : `moved to ${rule.to(facts).replace("_", " ")}`}.` };
  }
  return { ok: true, next: rule.to(facts), overridden: !rule.who(facts) && override };
}
