import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { withApprovals } from "@/lib/gitSync/approvalsFrontMatter";
import { splitFrontMatter } from "@/lib/markdown/frontMatter";

const APPROVAL = { name: "Bea Lead", role: "Technical Lead", decision: "approved", date: "2026-12-01T10:00:00.000Z", contentHash: "sha256:abc123" };
const SECURITY = { name: "Sam Sec", role: "Security Review", decision: "approved", date: "2026-12-01T11:00:00.000Z", contentHash: "sha256:def456" };
const BODY = "# Cache invalidation\n\n## Context\n\nWe cache too much.\n";

function frontMatterOf(markdown: string): Record<string, unknown> {
  return parse(splitFrontMatter(markdown).block!.source) as Record<string, unknown>;
}

describe("approvals in a committed file's front matter", () => {
  it("appends them as the last key, keeping every other byte of the file's own front matter", () => {
    const own = "# the team's own header\nstatus: accepted   # after the meeting\ndate: 2026-01-02\ntags: [cache, perf]\n";
    const file = `---\n${own}---\n\n${BODY}`;
    const out = withApprovals(file, [APPROVAL, SECURITY]);
    expect(out.startsWith(`---\n${own}reviewers:\n`)).toBe(true);
    expect(out.endsWith(`---\n\n${BODY}`)).toBe(true);
    expect(frontMatterOf(out).reviewers).toEqual([
      { name: "Bea Lead", role: "Technical Lead", decision: "approved", date: APPROVAL.date, content_hash: "sha256:abc123" },
      { name: "Sam Sec", role: "Security Review", decision: "approved", date: SECURITY.date, content_hash: "sha256:def456" },
    ]);
  });

  it("leaves a file alone whose reviewers already are these approvals, and one with no approvals yet", () => {
    const once = withApprovals(`---\ntitle: X\n---\n${BODY}`, [APPROVAL]);
    expect(withApprovals(once, [APPROVAL])).toBe(once);
    const untouched = `---\ntitle: X\n---\n${BODY}`;
    expect(withApprovals(untouched, [])).toBe(untouched);
    expect(withApprovals(BODY, [])).toBe(BODY);
  });

  it("uses specwright_reviewers when the file's own reviewers key means something else, and never changes that key", () => {
    const file = `---\nreviewers: [alice, bob]\ntags: [x]\n---\n${BODY}`;
    const out = withApprovals(file, [APPROVAL]);
    expect(out.startsWith("---\nreviewers: [alice, bob]\ntags: [x]\nspecwright_reviewers:\n")).toBe(true);
    expect(frontMatterOf(out).specwright_reviewers).toEqual([expect.objectContaining({ role: "Technical Lead", content_hash: "sha256:abc123" })]);
    // a later commit replaces its own key, not the file's
    const later = withApprovals(`---\nreviewers: [alice, bob]\nspecwright_reviewers:\n  - name: Old\n    role: Technical Lead\ntags: [x]\n---\n${BODY}`, [APPROVAL, SECURITY]);
    expect(frontMatterOf(later)).toMatchObject({ reviewers: ["alice", "bob"], tags: ["x"] });
    expect(frontMatterOf(later).specwright_reviewers).toHaveLength(2);
  });

  it("replaces approvals an earlier commit wrote under reviewers (a file another connection committed), keeping the other keys", () => {
    const earlier = withApprovals(`---\ntitle: X\ntags: [a]\n---\n${BODY}`, [APPROVAL]);
    const out = withApprovals(earlier, [APPROVAL, SECURITY]);
    expect(out.startsWith("---\ntitle: X\ntags: [a]\nreviewers:\n")).toBe(true);
    expect(frontMatterOf(out).reviewers).toHaveLength(2);
    expect(out).not.toContain("specwright_reviewers");
  });

  it("gives a file with no front matter a block holding only the approvals, and keeps CRLF fences", () => {
    const out = withApprovals(BODY, [APPROVAL]);
    expect(out.endsWith(`---\n\n${BODY}`)).toBe(true);
    expect(Object.keys(frontMatterOf(out))).toEqual(["reviewers"]);
    const crlf = withApprovals(`---\r\ntitle: X\r\n---\r\n${BODY}`, [APPROVAL]);
    expect(crlf.startsWith("---\r\ntitle: X\r\nreviewers:\r\n  - name: Bea Lead\r\n")).toBe(true);
  });

  it("adds nothing to front matter that is not a mapping", () => {
    const file = `---\n- just\n- a list\n---\n${BODY}`;
    expect(withApprovals(file, [APPROVAL])).toBe(file);
  });
});
