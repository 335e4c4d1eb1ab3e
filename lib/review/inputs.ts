import { z } from "zod";
import { Id } from "../workspaces/schema";

/** why someone steps past a rule; when given it must say something, as the activity log shows it */
const Reason = z.string().trim().min(1, "Write a reason: it is kept in the activity log.").max(1000, "A reason can have at most 1,000 characters.").optional();

export const AssignReviewerInput = z.object({ documentId: Id, roleKey: z.string().max(60), reviewerId: Id });
export type AssignReviewerInput = z.infer<typeof AssignReviewerInput>;

export const SubmitInput = z.object({ documentId: Id, overrideReason: Reason });
export type SubmitInput = z.infer<typeof SubmitInput>;

export const DecisionInput = z.object({
  documentId: Id,
  roleKey: z.string().max(60),
  decision: z.enum(["approved", "changes_requested"]),
  comment: z.string().trim().max(5000).default(""),
  overrideReason: Reason,
});
export type DecisionInput = z.input<typeof DecisionInput>;

export const StatusInput = z.object({
  documentId: Id,
  action: z.enum(["markImplemented", "withdraw", "reject", "deprecate", "supersede", "reopen"]),
  /** why: required to withdraw, reject, deprecate or supersede (lib/review/stateMachine.ts) */
  reason: z.string().trim().max(2000, "A reason can have at most 2,000 characters.").optional(),
  overrideReason: Reason,
  /** the successor, for supersede: the document's id or its number (ADR-0009) */
  supersededBy: z.string().trim().min(1).max(60).optional(),
});
export type StatusInput = z.infer<typeof StatusInput>;

export const RolesInput = z.object({
  documentId: Id,
  roles: z
    .array(
      z.object({
        /** absent for a new role: one is made from the name */
        key: z.string().regex(/^[a-z][a-z0-9_]*$/).max(60).optional(),
        name: z.string().trim().min(1, "A role needs a name.").max(80),
        /** section keys the role's approval covers; empty: the whole document */
        scope: z.array(z.string().max(60)).max(200).default([]),
        /** submit waits until someone is assigned; absent: as the role was (off for a new role) */
        blocksWithoutReviewer: z.boolean().optional(),
      }),
    )
    .max(20, "At most 20 sign-off roles."),
});
export type RolesInput = z.input<typeof RolesInput>;
