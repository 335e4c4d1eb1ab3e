import { createHmac, randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as hookRoute } from "@/app/api/workspaces/[slug]/git-sync/[connectionId]/hook/route";
import { toErrorResponse } from "@/app/_server/route";
import { rollHookSecret } from "@/lib/gitSync/hook";
import { createConnection, listConnections } from "@/lib/gitSync/manage";
import { syncDueConnections } from "@/lib/gitSync/runDue";
import { CLIENT_IP_HEADER } from "@/lib/observability/requestId";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { remoteForTest, withGitSyncEnv } from "./setup";

withGitSyncEnv();

const LATER = new Date(Date.now() + 3_600_000);

async function connected() {
  const remote = remoteForTest();
  const ws = await makeWorkspace(["editor"]);
  const owner = ctxFor(ws.owner);
  const connection = await createConnection(owner, { slug: ws.slug, repoUrl: remote.url, path: "docs" });
  // as after a poll: the next one is an hour away
  await testDb().gitConnection.update({ where: { id: connection.id }, data: { nextSyncAt: LATER } });
  return { remote, ws, owner, connection };
}

const sign = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

let networksHandedOut = 0;
/**
 * A network (/24) of its own per call, so the per-network limit of refused hooks never meets
 * another test's: drawn at random, two of the file's refused calls shared one about once in
 * 25 runs, and the limit test met its 429 early.
 */
const someIp = () => {
  const n = networksHandedOut++;
  return `198.${18 + (n >> 8)}.${n & 255}.${randomInt(1, 254)}`;
};

async function post(slug: string, connectionId: string, body: string, headers: Record<string, string>) {
  const req = new Request(`http://localhost/api/workspaces/${slug}/git-sync/${connectionId}/hook`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_IP_HEADER]: headers[CLIENT_IP_HEADER] ?? someIp(), ...headers },
    body,
  });
  const res = await hookRoute(req, { params: Promise.resolve({ slug, connectionId }) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function row(id: string) {
  return testDb().gitConnection.findUniqueOrThrow({ where: { id } });
}

const PUSH = JSON.stringify({ ref: "refs/heads/main", after: "0".repeat(40), commits: [] });

describe("a Git host's push hook", () => {
  it("gives an admin a secret once, stores it sealed, and a new one stops the old", async () => {
    const { ws, owner, connection } = await connected();
    const first = await rollHookSecret(owner, { slug: ws.slug, connectionId: connection.id });
    expect(first.secret).toMatch(/^swh_[\w-]{43}$/);
    expect(first.path).toBe(`/api/workspaces/${ws.slug}/git-sync/${connection.id}/hook`);
    const stored = (await row(connection.id)).hookSecret!;
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(first.secret);
    const [listed] = await listConnections(owner, { slug: ws.slug });
    expect(listed!.hook).toEqual({ configured: true, lastAt: null });
    expect(JSON.stringify(listed)).not.toContain(first.secret);
    expect(JSON.stringify(listed)).not.toContain(stored);

    const second = await rollHookSecret(owner, { slug: ws.slug, connectionId: connection.id });
    expect(second.secret).not.toBe(first.secret);
    expect((await post(ws.slug, connection.id, PUSH, { "x-hub-signature-256": sign(first.secret, PUSH) })).status).toBe(401);
    expect((await post(ws.slug, connection.id, PUSH, { "x-hub-signature-256": sign(second.secret, PUSH) })).status).toBe(202);
    const activity = await testDb().activity.findMany({ where: { subjectId: connection.id, kind: "gitSync.hookSecretRolled" } });
    expect(activity).toHaveLength(2);
  });

  it("is an admin's to set up: an editor cannot make a secret", async () => {
    const { ws, connection } = await connected();
    const editor = ctxFor(ws.members.editor[0]!);
    const status = await rollHookSecret(editor, { slug: ws.slug, connectionId: connection.id }).then(() => 200, (error: unknown) => toErrorResponse(error, undefined).status);
    expect([403, 404]).toContain(status);
    expect((await row(connection.id)).hookSecret).toBeNull();
  });

  it("marks the connection due at once on a signed GitHub push, answering 202 before any sync; the poll loop then brings the push in", async () => {
    const { remote, ws, owner, connection } = await connected();
    const { secret } = await rollHookSecret(owner, { slug: ws.slug, connectionId: connection.id });
    remote.commit({ "docs/adr-hooked.md": "# Hooked\n\n## Context\n\nPushed.\n" }, "Add an ADR");

    const before = Date.now();
    const res = await post(ws.slug, connection.id, PUSH, { "x-hub-signature-256": sign(secret, PUSH), "x-github-event": "push" });
    expect(res).toEqual({ status: 202, json: { due: true } });
    const marked = await row(connection.id);
    expect(marked.nextSyncAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(marked.nextSyncAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(marked.hookLastAt).not.toBeNull();
    // the hook only marks it: nothing was synced in the request
    expect(marked.lastSyncAt).toBeNull();
    expect(await testDb().document.count({ where: { workspaceId: ws.id, title: "Hooked" } })).toBe(0);

    // connections of other tests in this database stay out of this poll
    await testDb().gitConnection.updateMany({ where: { id: { not: connection.id } }, data: { nextSyncAt: LATER } });
    expect(await syncDueConnections(testDb(), { pollMs: 60_000 })).toBe(1);
    expect(await testDb().document.count({ where: { workspaceId: ws.id, title: "Hooked" } })).toBe(1);
    expect((await row(connection.id)).lastCommitSha).toBe(remote.log()[0]!.sha);
  });

  it("takes GitLab's secret token, and GitHub's form-encoded payload", async () => {
    const { ws, owner, connection } = await connected();
    const { secret } = await rollHookSecret(owner, { slug: ws.slug, connectionId: connection.id });
    expect(await post(ws.slug, connection.id, PUSH, { "x-gitlab-token": secret, "x-gitlab-event": "Push Hook" })).toEqual({ status: 202, json: { due: true } });
    await testDb().gitConnection.update({ where: { id: connection.id }, data: { nextSyncAt: LATER } });
    const form = `payload=${encodeURIComponent(PUSH)}`;
    expect(await post(ws.slug, connection.id, form, { "content-type": "application/x-www-form-urlencoded", "x-hub-signature-256": sign(secret, form) })).toEqual({ status: 202, json: { due: true } });
    expect((await row(connection.id)).nextSyncAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("refuses a missing or wrong signature or token with 401 and changes nothing", async () => {
    const { ws, owner, connection } = await connected();
    const { secret } = await rollHookSecret(owner, { slug: ws.slug, connectionId: connection.id });
    const untouched = await row(connection.id);
    const tampered = PUSH.replace("main", "main ");
    const attempts: Record<string, string>[] = [
      {},
      { "x-hub-signature-256": sign("not-the-secret", PUSH) },
      { "x-hub-signature-256": sign(secret, PUSH).replace("sha256=", "sha1=") },
      { "x-hub-signature-256": sign(secret, PUSH).slice(0, -2) },
      { "x-hub-signature-256": sign(secret, tampered) },
      { "x-gitlab-token": `${secret}x` },
      { "x-gitlab-token": "" },
    ];
    for (const headers of attempts) {
      const res = await post(ws.slug, connection.id, PUSH, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.stringify(res.json)).not.toContain(secret);
    }
    const after = await row(connection.id);
    expect(after.nextSyncAt).toEqual(untouched.nextSyncAt);
    expect(after.hookLastAt).toBeNull();
  });

  it("answers 404 alike for an unknown connection, another workspace's, and one without a secret", async () => {
    const { ws, owner, connection } = await connected();
    const { secret } = await rollHookSecret(owner, { slug: ws.slug, connectionId: connection.id });
    const other = await makeWorkspace();
    const bare = await createConnection(owner, { slug: ws.slug, repoUrl: "https://git.example.test/other.git" });
    const headers = { "x-hub-signature-256": sign(secret, PUSH) };
    const answers = [
      await post(ws.slug, "gdoesnotexist000000000000", PUSH, headers),
      await post(other.slug, connection.id, PUSH, headers),
      await post(ws.slug, bare.id, PUSH, headers),
    ];
    for (const a of answers) expect(a.status).toBe(404);
    expect(new Set(answers.map((a) => a.json?.error)).size).toBe(1);
    expect((await row(connection.id)).hookLastAt).toBeNull();
  });

  it("leaves the connection alone for a push to another branch and for GitHub's ping", async () => {
    const { ws, owner, connection } = await connected();
    const { secret } = await rollHookSecret(owner, { slug: ws.slug, connectionId: connection.id });
    const elsewhere = JSON.stringify({ ref: "refs/heads/feature" });
    expect(await post(ws.slug, connection.id, elsewhere, { "x-hub-signature-256": sign(secret, elsewhere) })).toMatchObject({ status: 202, json: { due: false } });
    const ping = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    expect(await post(ws.slug, connection.id, ping, { "x-hub-signature-256": sign(secret, ping), "x-github-event": "ping" })).toMatchObject({ status: 202, json: { due: false, reason: "ping" } });
    const notJson = "{not json";
    expect((await post(ws.slug, connection.id, notJson, { "x-hub-signature-256": sign(secret, notJson) })).status).toBe(400);
    expect((await row(connection.id)).nextSyncAt).toEqual(LATER);
  });

  it("limits refused calls per network (429), and still refuses after", async () => {
    const { ws, owner, connection } = await connected();
    await rollHookSecret(owner, { slug: ws.slug, connectionId: connection.id });
    const ip = someIp();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post(ws.slug, connection.id, PUSH, { "x-hub-signature-256": sign("guess", `${PUSH}${i}`), [CLIENT_IP_HEADER]: ip })).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await row(connection.id)).nextSyncAt).toEqual(LATER);
  });
});
