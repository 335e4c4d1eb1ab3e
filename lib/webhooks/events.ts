import type { DocumentStatus } from "../documents/status";

/** Every event an endpoint may subscribe to, with the words the admin page shows for it. */
export const WEBHOOK_EVENTS = {
  "document.created": "A document was created",
  "document.deleted": "A document was moved to the trash",
  "document.status_changed": "A document's status changed",
  "review.requested": "A document was submitted for review",
  "document.approved": "A document was approved (every sign-off role approved)",
  "review.approval_stale": "An approval went stale (what it covered changed)",
  "comment.created": "A comment thread was started",
  "suggestion.created": "A suggestion was made in the text",
  "suggestion.resolved": "A suggestion was accepted or rejected",
} as const;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as [WebhookEvent, ...WebhookEvent[]];

/** One event as a change produced it, before it is addressed to endpoints. */
export interface EventInput {
  type: WebhookEvent;
  workspaceId: string;
  documentId: string;
  /** who caused it; null for a step Specwright took itself (an approval going stale) */
  actor: { id: string; name: string } | null;
  data?: Record<string, string | number | boolean | null>;
}

/**
 * The events one status step sets off: always `document.status_changed`, plus
 * `review.requested` for a submit and `document.approved` when the document became Approved.
 */
export function statusEvents(from: DocumentStatus, to: DocumentStatus, action: string): { type: WebhookEvent; data: Record<string, string> }[] {
  if (from === to) return [];
  const data = { from, to, action };
  return [
    { type: "document.status_changed", data },
    ...(action === "submit" ? [{ type: "review.requested" as const, data }] : []),
    ...(to === "approved" ? [{ type: "document.approved" as const, data }] : []),
  ];
}

/** The person an event names, from a use case's actor. */
export function eventActor(actor: { userId: string; name: string }): { id: string; name: string } {
  return { id: actor.userId, name: actor.name };
}
