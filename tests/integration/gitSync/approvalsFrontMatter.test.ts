import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createConnection } from "@/lib/gitSync/manage";
import { importDocument } from "@/lib/import/importDocument";
import { splitFrontMatter } from "@/lib/markdown/frontMatter";
import { assignReviewer, decide, getReview, submitForReview } from "@/lib/review/review";
import { ctxFor, testDb } from "../../support/db";
import { setUpUnassigned } from "../review/setup";
import { remoteForTest, sync, withGitSyncEnv } from "./setup";

withGitSyncEnv();

const OWN_FRONT_MATTER = "# decided in the architecture meeting\nstatus: accepted   # see the minutes\ndate: 2026-01-02\ndeciders: [alice, bob]\ntags: [cache, perf]\n";
const BODY = "# ADR 7: Cache invalidation\n\n## Design\n\nWe cache too much.\n\n## Security\n\nThreats: stale permissions.\n";
const FILE = `---\n${OWN_FRONT_MATTER}---\n\n${BODY}`;
const PATH = "docs/adr-0007-cache.md";
/** `status` is one of the keys Specwright keeps current in any file (the workflow's); the rest are the file's own */
const OWN_AS_APPROVED = OWN_FRONT_MATTER.replace("status: accepted   #", "status: approved   #");

/**
 * A file of the repository, kept by a connection as the document it became (imported onto the
 * two-role review template, as a team maps its ADRs), approved by both roles.
 */
async function approvedRepositoryFile() {
  const remote = remoteForTest();
  const { ws, owner, doc } = await setUpUnassigned();
  const [securityReviewer, techLead] = ws.members.editor as [typeof ws.owner, typeof ws.owner];
  const { templateId } = await testDb().document.findUniqueOrThrow({ where: { id: doc.id } });
  remote.commit({ [PATH]: FILE }, "Add ADR 7");
  const { document } = await importDocument(owner, { slug: ws.slug, markdown: FILE, templateId, fileName: "adr-0007-cache.md" });
  const connection = await createConnection(owner, { slug: ws.slug, repoUrl: remote.url, path: "docs" });
  // as a sync that brought the file in leaves it: kept, its text the base, the connection on that commit
  await testDb().gitSyncedFile.create({ data: { connectionId: connection.id, documentId: document.id, path: PATH, baseMarkdown: FILE, contentHash: "" } });
  await testDb().gitConnection.update({ where: { id: connection.id }, data: { lastCommitSha: remote.log()[0]!.sha } });
  const a = ctxFor(securityReviewer);
  const b = ctxFor(techLead);
  await assignReviewer(owner, { documentId: document.id, roleKey: "security_review", reviewerId: securityReviewer.userId });
  await assignReviewer(owner, { documentId: document.id, roleKey: "tech_lead", reviewerId: techLead.userId });
  await submitForReview(owner, { documentId: document.id });
  await decide(a, { documentId: document.id, roleKey: "security_review", decision: "approved" });
  await decide(b, { documentId: document.id, roleKey: "tech_lead", decision: "approved" });
  return { remote, connection, owner, a, b, documentId: document.id };
}

function frontMatter(markdown: string): { source: string; data: Record<string, unknown>; rest: string } {
  const { block, rest } = splitFrontMatter(markdown);
  return { source: block!.source, data: parse(block!.source) as Record<string, unknown>, rest };
}

async function approvalsOf(documentId: string) {
  return testDb().approval.findMany({ where: { documentId }, include: { reviewer: true }, orderBy: { createdAt: "asc" } });
}

describe("git sync: approvals in the front matter of a file that came from the repository", () => {
  it("commits the approvals with their content hashes into the file's front matter, every other byte as the file had it", async () => {
    const { remote, connection, documentId } = await approvedRepositoryFile();
    const report = await sync(connection.id);
    expect(report.committed).toEqual([documentId]);
    const committed = remote.show(PATH);
    const { source, data, rest } = frontMatter(committed);
    expect(source.startsWith(OWN_AS_APPROVED)).toBe(true);
    expect(rest).toBe(`\n${BODY}`);
    const approvals = await approvalsOf(documentId);
    expect(approvals).toHaveLength(2);
    expect(data.reviewers).toHaveLength(2);
    expect(data.reviewers).toEqual(
      expect.arrayContaining(approvals.map((a) => ({
        name: a.reviewer.name,
        role: a.roleKey === "tech_lead" ? "Technical Lead" : "Security Review",
        decision: "approved",
        date: a.createdAt.toISOString(),
        content_hash: a.contentHash,
      }))),
    );
    for (const a of approvals) expect(remote.log()[0]!.message).toContain(`content ${a.contentHash}`);
    // the base is what was committed: the next sync brings nothing in and commits nothing
    expect((await testDb().gitSyncedFile.findFirstOrThrow({ where: { connectionId: connection.id, documentId } })).baseMarkdown).toBe(committed);
    const commits = remote.log().length;
    const again = await sync(connection.id);
    expect(again.incoming.updated).toEqual([]);
    expect(again.committed).toEqual([]);
    expect(remote.log()).toHaveLength(commits);
  });

  it("takes a later commit's edit to the body as an edit, never Specwright's own approvals key, and does not send it back", async () => {
    const { remote, connection, documentId, owner, b } = await approvedRepositoryFile();
    await sync(connection.id);
    remote.pull();
    const versions = await testDb().version.count({ where: { documentId } });

    // someone removes the approvals from the file: not an edit of the document, nothing goes stale
    const { source, rest } = frontMatter(remote.read(PATH));
    remote.commit({ [PATH]: `---\n${source.slice(0, source.indexOf("reviewers:"))}---\n${rest}` }, "Drop the approvals block");
    const dropped = await sync(connection.id);
    expect(dropped.incoming).toMatchObject({ updated: [], conflicts: [] });
    expect(await testDb().version.count({ where: { documentId } })).toBe(versions);
    expect((await getReview(owner, { documentId })).status).toBe("approved");

    // an edit to the body comes in; the approvals it touches go stale; nothing is committed back
    remote.pull();
    remote.commit({ [PATH]: remote.read(PATH).replace("We cache too much.", "We cache far too much.") }, "Edit the design", { name: "Alice", email: "alice@example.test" });
    const commits = remote.log().length;
    const edited = await sync(connection.id);
    expect(edited.incoming.updated).toEqual([documentId]);
    expect(edited.committed).toEqual([]);
    expect(remote.log()).toHaveLength(commits);
    expect((await testDb().section.findFirstOrThrow({ where: { documentId, key: "design" } })).text).toContain("We cache far too much.");
    expect((await getReview(owner, { documentId })).status).toBe("in_review");

    // approved again: one new commit, the edit kept, the file's own keys still byte for byte, the approvals current
    await decide(b, { documentId, roleKey: "tech_lead", decision: "approved" });
    await sync(connection.id);
    expect(remote.log()).toHaveLength(commits + 1);
    const after = frontMatter(remote.show(PATH));
    expect(after.source.startsWith(OWN_AS_APPROVED)).toBe(true);
    expect(after.rest).toContain("We cache far too much.");
    const latest = (await approvalsOf(documentId)).filter((a) => !a.stale);
    for (const a of latest) expect(after.data.reviewers).toContainEqual(expect.objectContaining({ content_hash: a.contentHash, date: a.createdAt.toISOString() }));
    expect(await sync(connection.id)).toMatchObject({ committed: [], incoming: { updated: [] } });
  });
});
