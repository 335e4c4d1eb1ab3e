/** Document statuses and their labels (no validation library: safe for the browser bundle). */
export const DOCUMENT_STATUSES = ["draft", "in_review", "changes_requested", "approved", "implemented", "withdrawn", "superseded", "deprecated", "rejected"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: "Draft",
  in_review: "In Review",
  changes_requested: "Changes Requested",
  approved: "Approved",
  implemented: "Implemented",
  withdrawn: "Withdrawn",
  superseded: "Superseded",
  deprecated: "Deprecated",
  rejected: "Rejected",
};
