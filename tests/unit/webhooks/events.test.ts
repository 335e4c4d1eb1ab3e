import { describe, expect, it } from "vitest";
import { defaultSchedule, MAX_WEBHOOK_ATTEMPTS } from "@/lib/webhooks/backoff";
import { statusEvents } from "@/lib/webhooks/events";
import { renderBody, type EventPayload } from "@/lib/webhooks/payload";

const PAYLOAD: EventPayload = {
  id: "evt_1",
  type: "document.status_changed",
  createdAt: "2026-12-05T10:00:00.000Z",
  workspace: { slug: "acme", name: "Acme" },
  document: { id: "d1", number: "TD-0003", title: "Ledger <v2>", status: "in_review", url: "/w/acme/d/d1" },
  actor: { id: "u1", name: "Ada" },
  data: { from: "draft", to: "in_review", action: "submit" },
};

describe("webhook events", () => {
  it("turns a status step into the events it sets off", () => {
    expect(statusEvents("draft", "in_review", "submit").map((e) => e.type)).toEqual(["document.status_changed", "review.requested"]);
    expect(statusEvents("in_review", "approved", "approve").map((e) => e.type)).toEqual(["document.status_changed", "document.approved"]);
    expect(statusEvents("approved", "in_review", "contentChanged").map((e) => e.type)).toEqual(["document.status_changed"]);
    expect(statusEvents("in_review", "in_review", "approve")).toEqual([]);
  });

  it("renders the event JSON with an absolute link, or Slack's { text }", () => {
    expect(JSON.parse(renderBody(PAYLOAD, { slack: false, baseUrl: "https://sw.example/" }))).toEqual({ ...PAYLOAD, document: { ...PAYLOAD.document, url: "https://sw.example/w/acme/d/d1" } });
    expect(JSON.parse(renderBody(PAYLOAD, { slack: true, baseUrl: "https://sw.example" }))).toEqual({
      text: "Ada: A document's status changed: draft → in review — <https://sw.example/w/acme/d/d1|TD-0003 Ledger v2>",
    });
  });

  it("retries for about a day, doubling from 30 seconds up to four hours apart", () => {
    expect([1, 2, 3, 4].map(defaultSchedule)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(defaultSchedule(20)).toBe(4 * 3600_000);
    let total = 0;
    for (let attempt = 1; attempt < MAX_WEBHOOK_ATTEMPTS; attempt++) total += defaultSchedule(attempt);
    expect(total / 3600_000).toBeGreaterThan(22);
    expect(total / 3600_000).toBeLessThan(26);
  });
});
