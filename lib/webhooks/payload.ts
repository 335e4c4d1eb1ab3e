import { WEBHOOK_EVENTS, type WebhookEvent } from "./events";

/** What a delivery stores and a receiver gets as JSON (the body is this, with `url` made absolute). */
export interface EventPayload {
  id: string;
  type: WebhookEvent;
  createdAt: string;
  workspace: { slug: string; name: string };
  document: { id: string; number: string | null; title: string; status: string; url: string };
  actor: { id: string; name: string } | null;
  data: Record<string, string | number | boolean | null>;
}

/** A sentence for a chat channel, e.g. `Ada Lovelace: “Ledger” (TD-0003) — A document was approved`. */
function sentence(p: EventPayload, link: string): string {
  const what = WEBHOOK_EVENTS[p.type];
  const title = `<${link}|${p.document.number ? `${p.document.number} ` : ""}${p.document.title.replace(/[<>|]/g, "")}>`;
  const status = p.type === "document.status_changed" ? `: ${String(p.data.from).replace("_", " ")} → ${String(p.data.to).replace("_", " ")}` : "";
  return `${p.actor ? `${p.actor.name}: ` : ""}${what}${status} — ${title}`;
}

/**
 * The request body for one delivery: the event JSON, or with `slack` Slack's incoming-webhook
 * shape `{ text }` (which Mattermost, Rocket.Chat and Discord's /slack endpoint also take).
 * `baseUrl` makes the document's link absolute.
 */
export function renderBody(payload: EventPayload, options: { slack: boolean; baseUrl: string }): string {
  const url = `${options.baseUrl.replace(/\/$/, "")}${payload.document.url}`;
  if (options.slack) return JSON.stringify({ text: sentence(payload, url) });
  return JSON.stringify({ ...payload, document: { ...payload.document, url } });
}
