import { describe, expect, it } from "vitest";
import { createConnection } from "@/lib/gitSync/manage";
import { decide, submitForReview } from "@/lib/review/review";
import { testDb } from "../../support/db";
import { edit, setUp } from "../review/setup";
import { remoteForTest, sync, withGitSyncEnv } from "./setup";

withGitSyncEnv();

describe("git sync: documents out", () => {
  it("commits an approved document's export to the repository, authored by the approver and committed by Specwright", async () => {
    const remote = remoteForTest();
    const { ws, owner, doc, a, b } = await setUp();
    const connection = await createConnection(owner, { slug: ws.slug, repoUrl: remote.url, branch: "main", path: "docs/design" });
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
    await submitForReview(owner, { documentId: doc.id });
    await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    expect(await testDb().gitSyncRequest.count({ where: { connectionId: connection.id } })).toBe(0);
    await decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });
    expect(await testDb().gitSyncRequest.count({ where: { connectionId: connection.id } })).toBe(1);

    const report = await sync(connection.id);
    expect(report.committed).toEqual([doc.id]);
    const [last] = remote.log();
    expect(last!.author).toBe(`${b.actor.name} <${b.actor.email}>`);
    expect(last!.committer).toBe("Specwright <noreply@specwright.local>");
    const file = (await testDb().gitSyncedFile.findFirstOrThrow({ where: { connectionId: connection.id, documentId: doc.id } })).path;
    expect(file).toMatch(/^docs\/design\/.+\.md$/);
    const markdown = remote.show(file);
    const approvals = await testDb().approval.findMany({ where: { documentId: doc.id }, orderBy: { createdAt: "asc" } });
    for (const approval of approvals) {
      expect(last!.message).toContain(`content ${approval.contentHash}`);
      expect(markdown).toContain(`content_hash: ${approval.contentHash}`);
    }
    expect(last!.message).toMatch(/^Approved: /);
    expect(markdown).toContain("status: approved");
    expect(markdown).toContain("Threats: replayed webhooks.");
    const row = await testDb().gitConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row).toMatchObject({ lastCommitSha: last!.sha, lastError: null });
    expect(row.lastSyncAt).not.toBeNull();

    // nothing changed since: a second sync commits nothing; a later edit and approval is a new commit, never a rewrite
    await sync(connection.id);
    expect(remote.log()).toHaveLength(2);
    await edit(doc.id, "design", "Design", "The design, with retries."); // back to In Review
    await decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });
    await sync(connection.id);
    const log = remote.log();
    expect(log).toHaveLength(3);
    expect(log[1]!.sha).toBe(last!.sha);
    expect(remote.show(file)).toContain("The design, with retries.");
  });
});
