import { describe, expect, it } from "vitest";
import { createConnection } from "@/lib/gitSync/manage";
import { requestSync } from "@/lib/gitSync/requestSync";
import { syncDueConnections } from "@/lib/gitSync/runDue";
import { decide, submitForReview } from "@/lib/review/review";
import { testDb } from "../../support/db";
import { gitCmd, raceNextPush } from "../../support/gitRepo";
import { edit, setUp } from "../review/setup";
import { remoteForTest, sync, withGitSyncEnv } from "./setup";

withGitSyncEnv();

describe("git sync: pushing after someone else", () => {
  it("brings in a commit that landed during the push, then pushes on top of it, never forcing", async () => {
    const remote = remoteForTest();
    const { ws, owner, doc, a, b } = await setUp();
    const connection = await createConnection(owner, { slug: ws.slug, repoUrl: remote.url, path: "docs" });
    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
    await submitForReview(owner, { documentId: doc.id });
    await decide(a, { documentId: doc.id, roleKey: "security_review", decision: "approved" });
    await decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });
    await sync(connection.id);
    const file = (await testDb().gitSyncedFile.findFirstOrThrow({ where: { connectionId: connection.id } })).path;
    remote.pull();

    // Alice's commit waits on another branch; the race hook puts it on main during Specwright's next push
    remote.commit({ [file]: remote.read(file).replace("Threats: replayed webhooks.", "Threats: replayed webhooks; rate limits.") }, "Security from Git", undefined, "alice-wip");
    const alice = gitCmd(remote.bare, ["rev-parse", "refs/heads/alice-wip"]).trim();
    raceNextPush(remote.bare, "alice-wip");
    await edit(doc.id, "design", "Design", "The design, from Specwright.");
    await decide(b, { documentId: doc.id, roleKey: "tech_lead", decision: "approved" });

    const report = await sync(connection.id);
    expect(report.incoming.updated).toEqual([doc.id]);
    expect(report.committed).toEqual([doc.id]);
    const head = gitCmd(remote.bare, ["rev-parse", "main"]).trim();
    expect(gitCmd(remote.bare, ["merge-base", "--is-ancestor", alice, head]) === "").toBe(true);
    const text = remote.show(file);
    expect(text).toContain("The design, from Specwright.");
    expect(text).toContain("rate limits.");
  });

  it("commits every covered document on Sync now, authored by its owner", async () => {
    const remote = remoteForTest();
    const { ws, owner, doc } = await setUp();
    const connection = await createConnection(owner, { slug: ws.slug, repoUrl: remote.url });
    const after = await requestSync(owner, { slug: ws.slug, connectionId: connection.id });
    expect(after).toMatchObject({ lastError: null, pending: 0 });
    const [last] = remote.log();
    expect(last!.message).toMatch(/^Update /);
    expect(last!.author).toBe(`${owner.actor.name} <${owner.actor.email}>`);
    const kept = await testDb().gitSyncedFile.findFirstOrThrow({ where: { connectionId: connection.id, documentId: doc.id } });
    expect(remote.files()).toContain(kept.path);
  });
});

describe("git sync: Sync now while a sync is under way", () => {
  it("waits for the running sync to let go, then syncs and answers with what it committed", async () => {
    const remote = remoteForTest();
    const { ws, owner } = await setUp();
    const connection = await createConnection(owner, { slug: ws.slug, repoUrl: remote.url, path: "docs" });
    // another runner (a poll, another process) holds the connection
    await testDb().gitConnection.update({ where: { id: connection.id }, data: { leaseUntil: new Date(Date.now() + 60_000) } });
    const before = remote.log().length;
    const asked = requestSync(owner, { slug: ws.slug, connectionId: connection.id });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(remote.log()).toHaveLength(before);
    await testDb().gitConnection.update({ where: { id: connection.id }, data: { leaseUntil: null } });
    const after = await asked;
    const [last] = remote.log();
    expect(last!.message).toMatch(/^Update /);
    expect(after).toMatchObject({ lastError: null, pending: 0, lastCommitSha: last!.sha });
  });
});

describe("git sync: several processes", () => {
  it("syncs a due connection in one process at a time", async () => {
    const remote = remoteForTest();
    const { ws, owner } = await setUp();
    const connection = await createConnection(owner, { slug: ws.slug, repoUrl: remote.url, path: "docs" });
    await testDb().gitSyncRequest.create({ data: { connectionId: connection.id, authorId: owner.actor.userId, reason: "sync" } });
    const runs = await Promise.all([0, 1, 2].map(() => syncDueConnections(testDb(), { pollMs: 60_000, workRoot: process.env.GIT_SYNC_DIR })));
    // other files' connections may be due too: this one was synced by exactly one of them
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const log = remote.log();
    expect(log.filter((c) => c.message.startsWith("Update "))).toHaveLength(1);
    const row = await testDb().gitConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row).toMatchObject({ leaseUntil: null, lastCommitSha: log[0]!.sha });
    expect(row.nextSyncAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });
});

describe("git sync: an empty repository", () => {
  it("starts the branch with the first commit", async () => {
    const remote = remoteForTest();
    const empty = `${remote.root}/empty.git`;
    gitCmd(remote.root, ["init", "-q", "--bare", "-b", "trunk", empty]);
    const { ws, owner, doc } = await setUp();
    const connection = await createConnection(owner, { slug: ws.slug, repoUrl: `file://${empty}`, branch: "trunk" });
    await testDb().gitSyncRequest.create({ data: { connectionId: connection.id, authorId: owner.actor.userId, reason: "sync" } });
    const report = await sync(connection.id);
    expect(report.committed).toEqual([doc.id]);
    expect(gitCmd(empty, ["log", "--format=%s", "trunk"]).trim()).toMatch(/^Update /);
  });
});
