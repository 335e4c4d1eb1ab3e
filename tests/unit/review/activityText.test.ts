import { describe, expect, it } from "vitest";
import { describeActivity } from "@/lib/review/activityText";

const names = {
  people: new Map([["cmx5bmek00004vs7d66xdscmp", "Ada Lovelace"]]),
  roles: new Map([["architecture_review", "Architecture Review"]]),
  sections: new Map([["data_architecture", "Data Architecture"]]),
};

describe("activity in words", () => {
  it("names sections and roles by their titles, people by name and statuses by label", () => {
    expect(describeActivity("version.restored", { section: "data_architecture", from: 3, number: 7 }, names)).toBe("restored “Data Architecture” from v3 (saved as v7)");
    expect(describeActivity("review.approved", { role: "architecture_review", comment: "" }, names)).toBe("approved as Architecture Review");
    expect(describeActivity("review.assigned", { role: "architecture_review", reviewer: "cmx5bmek00004vs7d66xdscmp" }, names)).toBe("asked Ada Lovelace to review as Architecture Review");
    expect(describeActivity("review.stale", { role: "architecture_review", reviewer: "cmx5bmek00004vs7d66xdscmp" }, names)).toBe("marked Ada Lovelace’s Architecture Review decision stale: its content changed");
    expect(describeActivity("document.status", { from: "changes_requested", to: "in_review", action: "submit" }, names)).toBe("moved it from Changes Requested to In Review");
    expect(describeActivity("document.status", { from: "approved", to: "deprecated", action: "deprecate", reason: "We left that vendor." }, names)).toBe("moved it from Approved to Deprecated: “We left that vendor.”");
    expect(describeActivity("document.status", { from: "draft", to: "in_review", gateOverride: "Examples on purpose", gateProblems: "1" }, names)).toBe(
      "moved it from Draft to In Review, submitting it despite 1 problem: “Examples on purpose”",
    );
  });

  it("puts a removed role or section in words rather than showing its key, and never prints a raw kind", () => {
    expect(describeActivity("review.changes_requested", { role: "security_review", comment: "Cover replay." }, names)).toBe("requested changes as Security review: “Cover replay.”");
    expect(describeActivity("comment.created", { thread: "t1", section: "old_notes" }, names)).toBe("commented on “Old notes”");
    expect(describeActivity("something.new", {}, names)).toBe("changed the document");
  });
});
