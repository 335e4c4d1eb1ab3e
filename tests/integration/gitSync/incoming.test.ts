import { describe, expect, it } from "vitest";
import { listConflicts, resolveConflictSection } from "@/lib/gitSync/conflicts";
import { createConnection } from "@/lib/gitSync/manage";
import { listDocumentActivity } from "@/lib/review/listActivity";
import { getReview, decide, submitForReview } from "@/lib/review/review";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { pngOf } from "../../support/images";
import { edit, setUp } from "../review/setup";
import { remoteForTest, sync, withGitSyncEnv } from "./setup";

withGitSyncEnv();

/** An approved document committed to a fresh repository: the connection, the file and the people. */
async function approvedInRepository() {
  const remote = remoteForTest();
  const set = await setUp();
  const { ws, owner, doc, a, b } = set;
  const connection = await createConnection(owner, { slug: ws.slug, repoUrl: remote.url, path: "docs" });
  await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
  await submitForReview(owner, { documentId: doc.id });
  await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
  await decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });
  await sync(connection.id);
  const file = (await testDb().gitSyncedFile.findFirstOrThrow({ where: { connectionId: connection.id, documentId: doc.id } })).path;
  remote.pull();
  return { ...set, remote, connection, file };
}

async function sectionText(documentId: string, key: string): Promise<string> {
  return (await testDb().section.findFirstOrThrow({ where: { documentId, key } })).text;
}

describe("git sync: commits in", () => {
  it("brings a commit to the file in as a new version through the Y.Doc, attributed to the member who made it; approvals go stale", async () => {
    const { ws, owner, doc, remote, connection, file, a } = await approvedInRepository();
    const before = await testDb().version.count({ where: { documentId: doc.id } });
    remote.commit({ [file]: remote.read(file).replace("The design.", "The design, edited in Git.") }, "Edit the design", { name: "Security reviewer", email: a.actor.email });

    const report = await sync(connection.id);
    expect(report.incoming.updated).toEqual([doc.id]);
    expect(await sectionText(doc.id, "design")).toContain("The design, edited in Git.");
    const versions = await testDb().version.findMany({ where: { documentId: doc.id }, orderBy: { number: "desc" } });
    expect(versions.length).toBeGreaterThan(before);
    expect(versions.find((v) => v.label?.startsWith("From the repository"))).toMatchObject({ createdById: a.actor.userId });
    const review = await getReview(owner, { documentId: doc.id });
    expect(review.status).toBe("in_review");
    expect(review.roles.find((r) => r.key === "tech_lead")!.approved).toBe(false);
    // scoped to Security, which the commit left alone
    expect(review.roles.find((r) => r.key === "security_review")!.approved).toBe(true);
    expect((await testDb().gitConnection.findUniqueOrThrow({ where: { id: connection.id } })).lastCommitSha).toBe(remote.log()[0]!.sha);
    void ws;
  });

  it("takes a heading a commit renamed as the same section renamed: its key kept, the activity saying so", async () => {
    const { owner, doc, remote, connection, file } = await approvedInRepository();
    expect(remote.read(file)).toMatch(/^#+ Security$/m);
    remote.commit({ [file]: remote.read(file).replace(/^(#+) Security$/m, "$1 Security considerations") }, "Rename a heading");
    expect((await sync(connection.id)).incoming.updated).toEqual([doc.id]);
    const sections = await testDb().section.findMany({ where: { documentId: doc.id }, orderBy: { position: "asc" } });
    expect(sections.filter((s) => s.title.startsWith("Security")).map((s) => [s.key, s.title])).toEqual([["security", "Security considerations"]]);
    expect(await sectionText(doc.id, "security")).toContain("Threats: replayed webhooks.");
    const [latest] = await listDocumentActivity(owner, { documentId: doc.id });
    expect(latest!.text).toMatch(/renaming “Security” to “Security considerations”/);
  });

  it("stores an image a commit adds beside the file and shows it in the document", async () => {
    const { ws, doc, remote, connection, file } = await approvedInRepository();
    const folder = file.slice(0, file.lastIndexOf("/"));
    remote.commit({ [`${folder}/diagrams/flow.png`]: pngOf(3, 2, [10, 120, 200]), [file]: remote.read(file).replace("The design.", "The design.\n\n![Flow](diagrams/flow.png)") }, "Add a diagram");
    await sync(connection.id);
    const image = await testDb().image.findFirstOrThrow({ where: { workspaceId: ws.id, fileName: "flow.png" } });
    const body = JSON.stringify((await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key: "design" } })).body);
    expect(body).toContain(`/api/images/${image.id}`);
    expect(body).not.toContain("diagrams/flow.png");
  });

  it("attributes a commit by someone who is not a member to the connection's creator", async () => {
    const { owner, doc, remote, connection, file } = await approvedInRepository();
    remote.commit({ [file]: remote.read(file).replace("The design.", "The design, by an outsider.") }, "Outside edit", { name: "Mallory", email: "mallory@elsewhere.test" });
    await sync(connection.id);
    const version = await testDb().version.findFirstOrThrow({ where: { documentId: doc.id, label: { startsWith: "From the repository" } } });
    expect(version.createdById).toBe(owner.actor.userId);
  });

  it("overwrites nothing when both sides changed a section, records the conflict, and commits the choice made section by section", async () => {
    const { owner, doc, remote, connection, file } = await approvedInRepository();
    await edit(doc.id, "design", "Design", "The design, as Specwright has it.");
    remote.commit(
      { [file]: remote.read(file).replace("The design.", "The design, as the repository has it.").replace("Threats: replayed webhooks.", "Threats: replayed webhooks and stolen tokens.") },
      "Edit both sections",
    );
    const report = await sync(connection.id);
    expect(report.incoming.conflicts).toEqual([doc.id]);
    // Design stays as Specwright has it; Security, changed only in the repository, came in
    expect(await sectionText(doc.id, "design")).toContain("The design, as Specwright has it.");
    expect(await sectionText(doc.id, "security")).toContain("stolen tokens");
    const [conflict] = await listConflicts(owner, { documentId: doc.id });
    expect(conflict!.sections).toEqual([expect.objectContaining({ key: "design", title: "Design" })]);
    expect(conflict!.sections[0]!.specwright).toContain("as Specwright has it");
    expect(conflict!.sections[0]!.repository).toContain("as the repository has it");

    // an open conflict keeps the document out of commits
    const sha = remote.log()[0]!.sha;
    await sync(connection.id);
    expect(remote.log()[0]!.sha).toBe(sha);

    const resolved = await resolveConflictSection(ctxFor(owner.actor), { documentId: doc.id, conflictId: conflict!.id, sectionKey: "design", keep: "repository" });
    expect(resolved.sections[0]!.kept).toBe("repository");
    expect(await listConflicts(owner, { documentId: doc.id })).toEqual([]);
    expect(await sectionText(doc.id, "design")).toContain("The design, as the repository has it.");

    await sync(connection.id);
    const [last] = remote.log();
    expect(last!.message).toMatch(/^Resolved sync conflict: /);
    expect(last!.author).toBe(`${owner.actor.name} <${owner.actor.email}>`);
    expect(remote.show(file)).toContain("The design, as the repository has it.");
    expect(remote.show(file)).toContain("stolen tokens");
  });

  it("keeps Specwright's side when a person chooses it, and commits that", async () => {
    const { owner, doc, remote, connection, file } = await approvedInRepository();
    await edit(doc.id, "design", "Design", "Ours.");
    remote.commit({ [file]: remote.read(file).replace("The design.", "Theirs.") }, "Edit design");
    await sync(connection.id);
    const [conflict] = await listConflicts(owner, { documentId: doc.id });
    await resolveConflictSection(owner, { documentId: doc.id, conflictId: conflict!.id, sectionKey: "design", keep: "specwright" });
    await expect(resolveConflictSection(owner, { documentId: doc.id, conflictId: conflict!.id, sectionKey: "design", keep: "repository" })).rejects.toThrow();
    await sync(connection.id);
    expect(remote.show(file)).toContain("Ours.");
    expect(remote.show(file)).not.toContain("Theirs.");
  });

  it("makes a new document of a new file in the folder, and keeps it in sync", async () => {
    const { ws, remote, connection } = await approvedInRepository();
    remote.commit({ "docs/adr-cache.md": "# Cache invalidation\n\n## Context\n\nWe cache too much.\n\n## Decision\n\nCache less.\n", "elsewhere/ignored.md": "# Not ours\n" }, "Add an ADR");
    const report = await sync(connection.id);
    expect(report.incoming.created).toHaveLength(1);
    const created = await testDb().document.findUniqueOrThrow({ where: { id: report.incoming.created[0]! } });
    expect(created).toMatchObject({ workspaceId: ws.id, title: "Cache invalidation" });
    expect(await testDb().gitSyncedFile.findFirst({ where: { connectionId: connection.id, documentId: created.id } })).toMatchObject({ path: "docs/adr-cache.md" });
    expect(await testDb().document.count({ where: { workspaceId: ws.id, title: "Not ours" } })).toBe(0);
  });

  it("names a file it cannot bring in as the connection's last error, and goes on with the others", async () => {
    const { ws, remote, connection, file, doc } = await approvedInRepository();
    remote.commit({ "docs/empty.md": "  \n", [file]: remote.read(file).replace("The design.", "The design, still synced.") }, "An empty file and an edit");
    const report = await sync(connection.id);
    expect(report.incoming.updated).toEqual([doc.id]);
    expect(report.incoming.problems).toEqual([expect.stringContaining("docs/empty.md")]);
    const row = await testDb().gitConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.lastError).toContain("docs/empty.md");
    expect(row.lastCommitSha).toBe(remote.log()[0]!.sha);
    // not tried again until it changes: the next sync is clean
    await sync(connection.id);
    expect((await testDb().gitConnection.findUniqueOrThrow({ where: { id: connection.id } })).lastError).toBeNull();
    void ws;
  });

  it("brings a front matter edit into the document's own front matter, and names the keys it cannot take", async () => {
    const remote = remoteForTest();
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const connection = await createConnection(owner, { slug: ws.slug, repoUrl: remote.url, path: "docs" });
    const frontMatter = "# owned by the platform team\nteam: payments\ntags: [cache]\n";
    remote.commit({ "docs/cache.md": `---\n${frontMatter}---\n\n# Cache\n\n## Context\n\nWe cache too much.\n` }, "Add a design");
    const created = (await sync(connection.id)).incoming.created[0]!;
    expect((await testDb().document.findUniqueOrThrow({ where: { id: created } })).metadata).toBe(frontMatter);

    remote.commit({ "docs/cache.md": remote.read("docs/cache.md").replace("team: payments", "team: ledger\nreview_by: 2027-01-31").replace("tags: [cache]\n", "status: approved\n") }, "Front matter");
    const report = await sync(connection.id);
    expect(report.incoming.updated).toEqual([created]);
    // its comment and order kept; the removed key gone; a status is Specwright's to say
    expect((await testDb().document.findUniqueOrThrow({ where: { id: created } })).metadata).toBe("# owned by the platform team\nteam: ledger\nreview_by: 2027-01-31\n");
    expect(report.incoming.problems).toEqual(["docs/cache.md: front matter not brought in, the next commit writes this document's: status (Specwright writes it from the document)"]);
    expect((await testDb().gitConnection.findUniqueOrThrow({ where: { id: connection.id } })).lastError).toContain("status (Specwright writes it from the document)");
    const exported = (await exportDocumentMarkdown(owner, { documentId: created })).markdown;
    expect(exported).toContain("team: ledger\nreview_by: 2027-01-31\n");
    expect(exported).not.toContain("tags:");
  });
});
