import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Ctx, Logger } from "@/lib/context";
import { forgetHostKey } from "@/lib/gitSync/forgetHostKey";
import { createConnection } from "@/lib/gitSync/manage";
import { syncConnectionNow } from "@/lib/gitSync/runDue";
import { requestSync } from "@/lib/gitSync/requestSync";
import { testDb } from "../../support/db";
import { makeSshKeyPair, startSshGitServer, type SshGitServer } from "../../support/sshGitServer";
import { edit, setUpUnassigned } from "../review/setup";
import { remoteForTest, sync, withGitSyncEnv } from "./setup";

withGitSyncEnv();

const servers = new Set<SshGitServer>();
afterEach(async () => {
  for (const server of servers) await server.stop();
  servers.clear();
});

async function serve(root: string, authorizedKey: string, port?: number): Promise<SshGitServer> {
  const server = await startSshGitServer({ root, authorizedKey, port });
  servers.add(server);
  return server;
}

/** Everything logged through a ctx, as text, to look for secrets in. */
function loggedCtx(ctx: Ctx): { ctx: Ctx; logged: () => string } {
  const lines: string[] = [];
  const record = (obj: object, msg?: string) => void lines.push(JSON.stringify(obj), msg ?? "");
  const log: Logger = { info: record, warn: record, error: record };
  return { ctx: { ...ctx, log }, logged: () => lines.join("\n") };
}

/** A private key's own material: its body lines, which must never show in an error or a log. */
function keyLines(privateKey: string): string[] {
  return privateKey.split("\n").filter((line) => line && !line.startsWith("-----"));
}

function expectNoKey(text: string, privateKey: string | null): void {
  for (const line of keyLines(privateKey ?? "")) expect(text).not.toContain(line);
}

/** A workspace with one document, a bare repository served over SSH for `client`'s key, and a connection to it holding `credentialKey` (null: no credential). */
async function connectedOverSsh(options: { credentialKey?: string | null } = {}) {
  const remote = remoteForTest();
  const client = makeSshKeyPair();
  const server = await serve(remote.root, client.publicKey);
  const { ws, owner, doc } = await setUpUnassigned();
  const privateKey = options.credentialKey === undefined ? client.privateKey : options.credentialKey;
  const credential = privateKey === null ? { kind: "none" as const } : { kind: "ssh" as const, privateKey };
  const connection = await createConnection(owner, { slug: ws.slug, repoUrl: server.url("remote.git"), path: "docs", credential });
  const knownHosts = path.join(process.env.GIT_SYNC_DIR!, `${connection.id}.known_hosts`);
  return { remote, client, server, ws, owner, doc, connection, privateKey, knownHosts };
}

// each test starts ssh several times over (a real handshake per git command): room for a loaded machine
describe("git sync over SSH", { timeout: 90_000 }, () => {
  it("pushes the document's commit with the private key, pins the host's key, and brings a commit made there back in", async () => {
    const { remote, server, ws, owner, doc, connection, privateKey, knownHosts } = await connectedOverSsh();
    const { ctx, logged } = loggedCtx(owner);

    const after = await requestSync(ctx, { slug: ws.slug, connectionId: connection.id });
    expect(after).toMatchObject({ lastError: null, pending: 0 });
    const [last] = remote.log();
    expect(last!.message).toMatch(/^Update /);
    expect(after.lastCommitSha).toBe(last!.sha);
    const file = (await testDb().gitSyncedFile.findFirstOrThrow({ where: { connectionId: connection.id, documentId: doc.id } })).path;
    expect(remote.show(file)).toContain("The design.");
    // trusted on first use: the server's key, and only it, is now held for this connection
    const pinned = readFileSync(knownHosts, "utf8").trim().split("\n");
    expect(pinned).toHaveLength(1);
    expect(pinned[0]).toContain(server.hostKey);
    expectNoKey(logged(), privateKey);

    remote.pull();
    remote.commit({ [file]: remote.read(file).replace("The design.", "The design, edited over SSH.") }, "Edit the design");
    const report = await sync(connection.id);
    expect(report.incoming.updated).toEqual([doc.id]);
    expect((await testDb().section.findFirstOrThrow({ where: { documentId: doc.id, key: "design" } })).text).toContain("The design, edited over SSH.");
    expect((await testDb().gitConnection.findUniqueOrThrow({ where: { id: connection.id } })).lastCommitSha).toBe(remote.log()[0]!.sha);
  });

  it("refuses a host whose key changed since it was trusted: nothing is pushed and the last error says so, without the key", async () => {
    const { remote, server, client, ws, owner, doc, connection, privateKey, knownHosts } = await connectedOverSsh();
    expect((await requestSync(owner, { slug: ws.slug, connectionId: connection.id })).lastError).toBeNull();
    const pinned = readFileSync(knownHosts, "utf8");

    // the same address answers with another host key (another machine, or someone in between)
    await server.stop();
    servers.delete(server);
    const impostor = await serve(remote.root, client.publicKey, server.port);
    expect(impostor.hostKey).not.toBe(server.hostKey);
    const before = remote.log();
    await edit(doc.id, "design", "Design", "The design, changed after the host moved.");
    const { ctx, logged } = loggedCtx(owner);

    const after = await requestSync(ctx, { slug: ws.slug, connectionId: connection.id });
    expect(after.lastError).toMatch(/host key .*changed|changed.*host key/i);
    expect(after.lastError).toContain(impostor.hostKeyFingerprint);
    expect(remote.log()).toEqual(before);
    expect(after.pending).toBe(1);
    // the pin is kept: a changed key is never trusted on its own
    expect(readFileSync(knownHosts, "utf8")).toBe(pinned);
    expect(after.hostKeys).toEqual([expect.objectContaining({ fingerprint: server.hostKeyFingerprint })]);
    expect(after.lastError).toContain("Forget host key");
    expect(after.lastError).not.toContain("known_hosts");
    expectNoKey(`${after.lastError}\n${logged()}`, privateKey);
  });

  it("shows the pinned key's fingerprint, and after \"Forget host key\" trusts and pins the host's new key", async () => {
    const { remote, server, client, ws, owner, doc, connection, knownHosts } = await connectedOverSsh();
    const first = await requestSync(owner, { slug: ws.slug, connectionId: connection.id });
    expect(first.hostKeys).toEqual([{ host: `[127.0.0.1]:${server.port}`, type: "ssh-ed25519", fingerprint: server.hostKeyFingerprint }]);
    await server.stop();
    servers.delete(server);
    const moved = await serve(remote.root, client.publicKey, server.port);
    await edit(doc.id, "design", "Design", "The design, after the host's owners changed its key.");
    expect((await requestSync(owner, { slug: ws.slug, connectionId: connection.id })).lastError).toContain(moved.hostKeyFingerprint);

    const forgotten = await forgetHostKey(owner, { slug: ws.slug, connectionId: connection.id });
    expect(forgotten.hostKeys).toEqual([]);
    const after = await requestSync(owner, { slug: ws.slug, connectionId: connection.id });
    expect(after).toMatchObject({ lastError: null, pending: 0 });
    expect(after.hostKeys).toEqual([expect.objectContaining({ fingerprint: moved.hostKeyFingerprint })]);
    expect(readFileSync(knownHosts, "utf8")).toContain(moved.hostKey);
    expect(remote.log()[0]!.message).toMatch(/^Update /);
    const logged = await testDb().activity.findFirstOrThrow({ where: { subjectId: connection.id, kind: "gitSync.hostKeyForgotten" } });
    expect(logged.data).toMatchObject({ fingerprints: [server.hostKeyFingerprint] });
  });

  it("holds every process to the key pinned in the database, whatever its own work folder holds", async () => {
    const { remote, server, client, ws, owner, doc, connection } = await connectedOverSsh();
    expect((await requestSync(owner, { slug: ws.slug, connectionId: connection.id })).lastError).toBeNull();
    await server.stop();
    servers.delete(server);
    const impostor = await serve(remote.root, client.publicKey, server.port);
    await edit(doc.id, "design", "Design", "Seen by another process.");
    const before = remote.log();

    // another process of a cluster: an empty work folder of its own, never synced this connection
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "specwright-other-process-"));
    try {
      await syncConnectionNow(testDb(), connection.id, { pollMs: 60_000, workRoot: elsewhere });
      const row = await testDb().gitConnection.findUniqueOrThrow({ where: { id: connection.id } });
      expect(row.lastError).toContain(impostor.hostKeyFingerprint);
      expect(row.sshKnownHosts).toContain(server.hostKey);
      expect(remote.log()).toEqual(before);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("adopts the key an earlier version pinned in the work folder only", async () => {
    const { server, ws, owner, connection, knownHosts } = await connectedOverSsh();
    // a comment ssh would not write: the file kept is the one found, not a key trusted anew
    const line = `[127.0.0.1]:${server.port} ${server.hostKey} pinned-by-an-earlier-version\n`;
    writeFileSync(knownHosts, line);
    await testDb().gitConnection.update({ where: { id: connection.id }, data: { sshKnownHosts: null } });

    const after = await requestSync(owner, { slug: ws.slug, connectionId: connection.id });
    expect(after.lastError).toBeNull();
    expect((await testDb().gitConnection.findUniqueOrThrow({ where: { id: connection.id } })).sshKnownHosts).toBe(line);
  });

  it("says permission was denied when the server does not accept the key, without the key", async () => {
    const stranger = makeSshKeyPair("stranger");
    const { remote, ws, owner, connection, privateKey } = await connectedOverSsh({ credentialKey: stranger.privateKey });
    const before = remote.log();
    const { ctx, logged } = loggedCtx(owner);

    const after = await requestSync(ctx, { slug: ws.slug, connectionId: connection.id });
    expect(after.lastError).toMatch(/Permission denied \(publickey\)/);
    expect(remote.log()).toEqual(before);
    expectNoKey(`${after.lastError}\n${logged()}`, privateKey);
  });

  it("offers no key of the server's own account when the connection has none, and pins the host for the connection, not in ~/.ssh", async () => {
    const home = path.join(os.userInfo().homedir, ".ssh");
    const hadSshFolder = existsSync(home);
    const { remote, server, ws, owner, connection, knownHosts } = await connectedOverSsh({ credentialKey: null });
    const before = remote.log();

    const after = await requestSync(owner, { slug: ws.slug, connectionId: connection.id });
    expect(after.lastError).toMatch(/Permission denied \(publickey\)/);
    expect(remote.log()).toEqual(before);
    expect(readFileSync(knownHosts, "utf8")).toContain(server.hostKey);
    expect(existsSync(home)).toBe(hadSshFolder);
  });
});
