import { describe, expect, it } from "vitest";
import { createConnection } from "@/lib/gitSync/manage";
import { queueGitCommit } from "@/lib/gitSync/queue";
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

  it("queues a document only for the connections whose template or tag covers it, or that already keep it", async () => {
    const { ws, owner, doc } = await setUp();
    const key = (await testDb().document.findUniqueOrThrow({ where: { id: doc.id }, include: { template: true } })).template.key;
    const url = "https://git.example.test/designs.git";
    const byTemplate = await createConnection(owner, { slug: ws.slug, repoUrl: url, scope: "template", scopeValue: key });
    const otherTemplate = await createConnection(owner, { slug: ws.slug, repoUrl: url, scope: "template", scopeValue: "another-template" });
    const byTag = await createConnection(owner, { slug: ws.slug, repoUrl: url, scope: "tag", scopeValue: "payments" });
    const keeping = await createConnection(owner, { slug: ws.slug, repoUrl: url, scope: "tag", scopeValue: "search" });
    await testDb().gitSyncedFile.create({ data: { connectionId: keeping.id, documentId: doc.id, path: "a.md", baseMarkdown: "", contentHash: "" } });
    const queued = async () => (await testDb().gitSyncRequest.findMany({ where: { documentId: doc.id } })).map((r) => r.connectionId).sort();

    await queueGitCommit(testDb(), { documentId: doc.id, authorId: owner.actor.userId, reason: "approved" });
    expect(await queued()).toEqual([byTemplate.id, keeping.id].sort());
    await testDb().gitSyncRequest.deleteMany({ where: { documentId: doc.id } });
    await testDb().document.update({ where: { id: doc.id }, data: { metadata: "tags: [Payments]\n" } });
    await queueGitCommit(testDb(), { documentId: doc.id, authorId: owner.actor.userId, reason: "approved" });
    expect(await queued()).toEqual([byTemplate.id, byTag.id, keeping.id].sort());
    expect(await queued()).not.toContain(otherTemplate.id);
  });
});
