import { describe, expect, it } from "vitest";
import { mailPollMs } from "../../../lib/mail/pollInterval";

describe("mailPollMs", () => {
  it("polls every 15 s unless MAIL_POLL_SECONDS says otherwise", () => {
    expect(mailPollMs(undefined)).toBe(15_000);
    expect(mailPollMs(" ")).toBe(15_000);
    expect(mailPollMs("2")).toBe(2_000);
    expect(mailPollMs("3600")).toBe(3_600_000);
  });

  it("refuses what is not a whole number of seconds from 1 to 3600, naming the variable", () => {
    for (const bad of ["0", "-5", "1.5", "3601", "soon", "1e9"]) expect(() => mailPollMs(bad)).toThrow(/MAIL_POLL_SECONDS must be a whole number of seconds from 1 to 3600/);
  });
});
