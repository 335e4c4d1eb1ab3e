import { describe, expect, it } from "vitest";
import { webhookPollMs } from "@/server/webhookSender";

describe("WEBHOOK_POLL_SECONDS", () => {
  it("defaults to ten seconds and takes whole seconds from 1 to 3600", () => {
    expect(webhookPollMs(undefined)).toBe(10_000);
    expect(webhookPollMs(" ")).toBe(10_000);
    expect(webhookPollMs("1")).toBe(1000);
    expect(webhookPollMs("3600")).toBe(3_600_000);
  });

  it("refuses anything else, naming the setting", () => {
    for (const value of ["0", "3601", "1.5", "soon"]) expect(() => webhookPollMs(value), value).toThrow(/WEBHOOK_POLL_SECONDS/);
  });
});
