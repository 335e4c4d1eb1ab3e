import { describe, expect, it } from "vitest";
import { presentDelivery, presentWebhook } from "@/lib/webhooks/present";

const ROW = {
  id: "d1",
  eventId: "evt_1",
  event: "document.approved",
  createdAt: new Date("2026-12-05T10:00:00Z"),
  attempts: 0,
  lastAttemptAt: null,
  nextAttemptAt: new Date("2026-12-05T10:00:00Z"),
  deliveredAt: null,
  gaveUpAt: null,
  responseStatus: null,
  responseBody: null,
  lastError: null,
};

describe("presenting webhooks", () => {
  it("names a delivery's state and shows the next try only while one is coming", () => {
    expect(presentDelivery(ROW)).toMatchObject({ state: "pending", nextAttemptAt: "2026-12-05T10:00:00.000Z" });
    const retrying = { ...ROW, attempts: 2, lastError: "the receiver answered 502", responseStatus: 502, nextAttemptAt: new Date("2026-12-05T10:01:00Z") };
    expect(presentDelivery(retrying)).toMatchObject({ state: "retrying", attempts: 2, responseStatus: 502, error: "the receiver answered 502", nextAttemptAt: "2026-12-05T10:01:00.000Z" });
    expect(presentDelivery({ ...retrying, gaveUpAt: new Date(), nextAttemptAt: null })).toMatchObject({ state: "failed", nextAttemptAt: null });
    expect(presentDelivery({ ...ROW, attempts: 1, deliveredAt: new Date(), responseStatus: 204, nextAttemptAt: null })).toMatchObject({ state: "delivered", nextAttemptAt: null });
  });

  it("never shows an endpoint's secret", () => {
    const hook = { id: "w1", url: "https://x.example/", description: "", events: ["comment.created"], slack: false, enabled: true, createdAt: new Date(), secret: "whsec_hidden" };
    expect(JSON.stringify(presentWebhook(hook))).not.toContain("whsec_hidden");
  });
});
