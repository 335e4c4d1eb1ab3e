import { can, type Action, type Membership } from "../access/policy";
import type { DocumentStatus } from "../documents/status";

/** What someone can do to a document's status. */
export const REVIEW_ACTIONS = ["submit", "approve", "requestChanges", "markImplemented", "withdraw", "reject", "deprecate", "supersede", "reopen"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Steps Specwright takes itself, never a person: content changed under an approval. */
export const SYSTEM_ACTIONS = ["contentChanged"] as const;
export type SystemAction = (typeof SYSTEM_ACTIONS)[number];

export interface TransitionFacts {
  /** the actor's membership in the document's workspace */
  membership: Membership;
  /** the actor is assigned to the sign-off role concerned (or, for status steps, to any) */
  isReviewer: boolean;
  /** after this decision, every required sign-off role has a current approval */
  allApproved?: boolean;
  /** with `review.override`, a written reason lets someone else take the step */
  overrideReason?: string;
}

export type TransitionResult = { ok: true; next: DocumentStatus; overridden: boolean } | { ok: false; status: 403 | 409; reason: string };

const OPEN: DocumentStatus[] = ["draft", "in_review", "changes_requested", "approved"];

interface Rule {
  from: DocumentStatus[];
  /** the policy action that says who may take the step (besides an override) */
  who: Action;
  to: (f: { allApproved?: boolean }) => DocumentStatus;
  describe: string;
  /** the step ends or retires a decision: whoever takes it says why */
  needsReason?: true;
}

/**
 * Draft → In Review; In Review → Changes Requested → In Review; In Review → Approved
 * (when every required role has a current approval); Approved → Implemented; any open
 * state → Withdrawn; a proposal in review → Rejected; Approved/Implemented → Deprecated;
 * Approved/Implemented/Deprecated → Superseded (by a named successor); Withdrawn/Rejected →
 * Draft. Who may take each step is a row of `lib/access/policy.ts`; this table only says
 * when, and which steps need a reason.
 */
export const RULES: Record<ReviewAction, Rule> = {
  submit: { from: ["draft", "changes_requested"], who: "review.submit", to: () => "in_review", describe: "submit for review" },
  approve: { from: ["in_review"], who: "review.decide", to: (f) => (f.allApproved ? "approved" : "in_review"), describe: "approve" },
  requestChanges: { from: ["in_review", "approved"], who: "review.decide", to: () => "changes_requested", describe: "request changes" },
  markImplemented: { from: ["approved"], who: "review.changeStatus", to: () => "implemented", describe: "mark as implemented" },
  withdraw: { from: OPEN, who: "review.changeStatus", to: () => "withdrawn", describe: "withdraw", needsReason: true },
  reject: { from: ["in_review", "changes_requested"], who: "review.changeStatus", to: () => "rejected", describe: "reject", needsReason: true },
  deprecate: { from: ["approved", "implemented"], who: "review.changeStatus", to: () => "deprecated", describe: "deprecate", needsReason: true },
  supersede: { from: ["approved", "implemented", "deprecated"], who: "review.changeStatus", to: () => "superseded", describe: "mark as superseded", needsReason: true },
  reopen: { from: ["withdrawn", "rejected"], who: "review.changeStatus", to: () => "draft", describe: "reopen" },
};

/** Steps Specwright itself takes: an Approved document whose approved content changed goes back to In Review. */
const SYSTEM_RULES: Record<SystemAction, { from: DocumentStatus[]; to: DocumentStatus }> = {
  contentChanged: { from: ["approved"], to: "in_review" },
};

/** Sign-off roles may change while nobody is deciding on them yet, or after changes were requested. */
const ROLES_EDITABLE_IN: DocumentStatus[] = ["draft", "changes_requested"];

/** Whether the status allows `action` at all, whoever asks. */
export function allowedFrom(status: DocumentStatus, action: ReviewAction): boolean {
  return RULES[action].from.includes(status);
}

/** Whether the document's sign-off roles may be changed in this status. */
export function rolesEditable(status: DocumentStatus): boolean {
  return ROLES_EDITABLE_IN.includes(status);
}

/**
 * Decides one status step: the next status, 403 when the actor may not take it, or 409
 * when the document's status does not allow it. Someone with `review.override` and a
 * reason may take any step the status allows.
 */
export function transition(status: DocumentStatus, action: ReviewAction, facts: TransitionFacts): TransitionResult {
  const rule = RULES[action];
  const own = can(facts.membership, rule.who, { isReviewer: facts.isReviewer });
  const override = Boolean(facts.overrideReason?.trim()) && can(facts.membership, "review.override");
  if (!own && !override) return { ok: false, status: 403, reason: `You may not ${rule.describe} this document.` };
  if (!rule.from.includes(status)) {
    return { ok: false, status: 409, reason: `A document that is ${status.replace("_", " ")} cannot be ${rule.describe === "approve" ? "approved" : `moved to ${rule.to(facts).replace("_", " ")}`}.` };
  }
  return { ok: true, next: rule.to(facts), overridden: !own };
}

/** The status after a step Specwright takes itself, or null when the status does not change. */
export function systemTransition(status: DocumentStatus, action: SystemAction): DocumentStatus | null {
  const rule = SYSTEM_RULES[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** The steps an actor may take now without an override (for pages to offer). */
export function availableSteps(status: DocumentStatus, facts: Omit<TransitionFacts, "overrideReason" | "allApproved">): ReviewAction[] {
  return REVIEW_ACTIONS.filter((action) => transition(status, action, facts).ok);
}
