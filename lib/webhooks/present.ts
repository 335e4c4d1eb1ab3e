import type { WebhookEvent } from "./events";

/** An endpoint as admins see it: never its secret (shown once, when it is created). */
export interface WebhookDto {
  id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  slack: boolean;
  enabled: boolean;
  createdAt: string;
  /**
   * Who registered it, in the workspace's list: their name, and whether they are still a
   * member (an endpoint belongs to the workspace and keeps delivering after they leave).
   * Null when nobody is on record (registered before this was kept, or the account is gone).
   */
  createdBy?: { name: string; member: boolean } | null;
}

/** One delivery of one event to one endpoint, with the receiver's answer. */
export interface DeliveryDto {
  id: string;
  eventId: string;
  event: string;
  createdAt: string;
  state: "pending" | "delivered" | "retrying" | "failed";
  attempts: number;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

export function presentWebhook(w: { id: string; url: string; description: string; events: string[]; slack: boolean; enabled: boolean; createdAt: Date }): WebhookDto {
  return { id: w.id, url: w.url, description: w.description, events: w.events as WebhookEvent[], slack: w.slack, enabled: w.enabled, createdAt: w.createdAt.toISOString() };
}

interface DeliveryRow {
  id: string;
  eventId: string;
  event: string;
  createdAt: Date;
  attempts: number;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  gaveUpAt: Date | null;
  responseStatus: number | null;
  responseBody: string | null;
  lastError: string | null;
}

export function presentDelivery(d: DeliveryRow): DeliveryDto {
  const state = d.deliveredAt ? "delivered" : d.gaveUpAt ? "failed" : d.attempts ? "retrying" : "pending";
  return {
    id: d.id,
    eventId: d.eventId,
    event: d.event,
    createdAt: d.createdAt.toISOString(),
    state,
    attempts: d.attempts,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: state === "retrying" || state === "pending" ? (d.nextAttemptAt?.toISOString() ?? null) : null,
    responseStatus: d.responseStatus,
    responseBody: d.responseBody,
    error: d.lastError,
  };
}
