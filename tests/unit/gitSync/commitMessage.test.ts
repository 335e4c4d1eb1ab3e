import { describe, expect, it } from "vitest";
import { commitMessage, identityEnv } from "@/lib/gitSync/commitMessage";
import { documentTags, inScope } from "@/lib/gitSync/scope";
import { gitSyncPollMs } from "@/lib/gitSync/pollInterval";
import { scrub } from "@/lib/gitSync/git";

describe("commit messages", () => {
  it("list every sign-off with the content hash it approved, marking stale ones", () => {
    const message = commitMessage({
      reason: "approved",
      title: "Payments ledger",
      number: "TD-0003",
      status: "approved",
      contentHash: "sha256:doc",
      documentId: "d1",
      reviewers: [
        { name: "Bo", role: "Technical Lead", decision: "approved", date: "2026-12-05T10:00:00.000Z", contentHash: "sha256:a", stale: false },
        { name: "Al", role: "Security Review", decision: "approved", date: "2026-12-04T10:00:00.000Z", contentHash: "sha256:b", stale: true },
      ],
    });
    expect(message.split("\n")[0]).toBe("Approved: TD-0003 Payments ledger");
    expect(message).toContain("- Technical Lead: Bo, approved 2026-12-05T10:00:00.000Z, content sha256:a\n");
    expect(message).toContain("- Security Review: Al, approved 2026-12-04T10:00:00.000Z, content sha256:b (stale: changed since)");
    expect(message).toContain("Content-Hash: sha256:doc\nSpecwright-Document: d1");
  });

  it("names the person as author and the service as committer", () => {
    expect(identityEnv({ name: "Ann <x>", email: "ann@example.test" })).toEqual({ GIT_AUTHOR_NAME: "Ann x", GIT_AUTHOR_EMAIL: "ann@example.test", GIT_COMMITTER_NAME: "Specwright", GIT_COMMITTER_EMAIL: "noreply@specwright.local" });
  });
});

describe("scope", () => {
  it("covers all documents, one template's, or those tagged in their front matter", () => {
    const doc = { template: { key: "adr" }, metadata: "tags: [Payments, infra]\n" };
    expect(documentTags(doc.metadata)).toEqual(["payments", "infra"]);
    expect(documentTags("tags: a, b\n")).toEqual(["a", "b"]);
    expect(inScope({ scope: "all", scopeValue: "" }, doc)).toBe(true);
    expect(inScope({ scope: "template", scopeValue: "adr" }, doc)).toBe(true);
    expect(inScope({ scope: "template", scopeValue: "rfc" }, doc)).toBe(false);
    expect(inScope({ scope: "tag", scopeValue: "payments" }, doc)).toBe(true);
    expect(inScope({ scope: "tag", scopeValue: "search" }, { ...doc, metadata: null })).toBe(false);
  });
});

describe("settings and logs", () => {
  it("polls every GIT_SYNC_POLL_SECONDS, 300 s by default, and refuses nonsense", () => {
    expect(gitSyncPollMs(undefined)).toBe(300_000);
    expect(gitSyncPollMs("60")).toBe(60_000);
    expect(() => gitSyncPollMs("soon")).toThrow(/GIT_SYNC_POLL_SECONDS/);
  });

  it("scrubs a token and its Basic form from git's messages", () => {
    const basic = Buffer.from("x-access-token:tok123").toString("base64");
    expect(scrub(`fatal: tok123 refused; Authorization: Basic ${basic}`, "tok123")).toBe("fatal: *** refused; Authorization: Basic ***");
  });
});
