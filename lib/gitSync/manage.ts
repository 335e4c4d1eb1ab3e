import { randomBytes } from "node:crypto";
import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { InvalidInput, NotFound } from "../errors";
import { loadMembership } from "../workspaces/loadMembership";
import { WorkspaceRef } from "../workspaces/schema";
import { CONNECTION_COUNTS, presentConnection, type GitConnectionDto } from "./present";
import { remoteUrlProblem } from "./remoteUrl";
import { ConnectionRef, CreateConnectionInput, UpdateConnectionInput, type CredentialInput } from "./schema";
import { seal, SecretKeyError } from "../secrets/secretBox";

/** The workspace, once the actor may manage its Git sync (`gitSync.manage`); NotFound for outsiders. */
export async function gitAdminOf(ctx: Ctx, slug: string) {
  const { workspace, membership } = await loadMembership(ctx, slug);
  authorize(membership, "gitSync.manage");
  return workspace;
}

/** A connection of the workspace, or NotFound (also for another workspace's id). */
export async function loadConnection(ctx: Ctx, workspaceId: string, connectionId: string) {
  const found = await ctx.db.gitConnection.findFirst({ where: { id: connectionId, workspaceId }, include: CONNECTION_COUNTS });
  if (!found) throw new NotFound("Git connection");
  return found;
}

function checkUrl(url: string): void {
  const problem = remoteUrlProblem(url);
  if (problem) throw new InvalidInput(problem, { repoUrl: [problem] });
}

/** The stored form of a credential: its kind, the sealed secret and the HTTPS user name. */
function sealed(credential: CredentialInput, connectionId: string): { credentialKind: string; credential: string | null; credentialUser?: string } {
  try {
    if (credential.kind === "token") return { credentialKind: "token", credential: seal(credential.token, connectionId), credentialUser: credential.user ?? "x-access-token" };
    if (credential.kind === "ssh") return { credentialKind: "ssh", credential: seal(credential.privateKey, connectionId) };
  } catch (error) {
    if (error instanceof SecretKeyError) throw new InvalidInput(error.message, { credential: [error.message] });
    throw error;
  }
  return { credentialKind: "none", credential: null };
}

/** The workspace's Git connections, without credentials. Requires `gitSync.manage`. */
export async function listConnections(ctx: Ctx, raw: WorkspaceRef): Promise<GitConnectionDto[]> {
  const { slug } = WorkspaceRef.parse(raw);
  const workspace = await gitAdminOf(ctx, slug);
  const rows = await ctx.db.gitConnection.findMany({ where: { workspaceId: workspace.id }, include: CONNECTION_COUNTS, orderBy: { createdAt: "asc" } });
  return rows.map((r) => presentConnection(r));
}

/**
 * Connects a folder of the workspace's documents (all, one template's, or one tag's) to a
 * repository, branch and path; the credential is sealed (AES-256-GCM) before it is stored.
 * The first sync runs at once (in the background). Requires `gitSync.manage`.
 */
export async function createConnection(ctx: Ctx, raw: CreateConnectionInput): Promise<GitConnectionDto> {
  const input = CreateConnectionInput.parse(raw);
  const workspace = await gitAdminOf(ctx, input.slug);
  checkUrl(input.repoUrl);
  const id = `g${randomBytes(12).toString("hex")}`;
  const credential = sealed(input.credential, id);
  return inTransaction(ctx, async (tx) => {
    await tx.db.gitConnection.create({
      data: { id, workspaceId: workspace.id, repoUrl: input.repoUrl, branch: input.branch, path: input.path, scope: input.scope, scopeValue: input.scope === "all" ? "" : input.scopeValue, ...credential, createdById: ctx.actor.userId },
    });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "gitSync.connected", subjectId: id, data: { repoUrl: input.repoUrl, branch: input.branch, path: input.path } });
    return presentConnection(await loadConnection(tx, workspace.id, id));
  });
}

/** Changes a connection's repository, branch, folder, scope or credential, or pauses it. Requires `gitSync.manage`. */
export async function updateConnection(ctx: Ctx, raw: UpdateConnectionInput): Promise<GitConnectionDto> {
  const input = UpdateConnectionInput.parse(raw);
  const workspace = await gitAdminOf(ctx, input.slug);
  const found = await loadConnection(ctx, workspace.id, input.connectionId);
  if (input.repoUrl !== undefined) checkUrl(input.repoUrl);
  const credential = input.credential ? sealed(input.credential, found.id) : {};
  const moved = (input.repoUrl !== undefined && input.repoUrl !== found.repoUrl) || (input.branch !== undefined && input.branch !== found.branch) || (input.path !== undefined && input.path !== found.path);
  return inTransaction(ctx, async (tx) => {
    await tx.db.gitConnection.update({
      where: { id: found.id },
      data: {
        ...(input.repoUrl !== undefined ? { repoUrl: input.repoUrl } : {}),
        ...(input.branch !== undefined ? { branch: input.branch } : {}),
        ...(input.path !== undefined ? { path: input.path } : {}),
        ...(input.scope !== undefined ? { scope: input.scope, scopeValue: input.scope === "all" ? "" : (input.scopeValue ?? found.scopeValue) } : input.scopeValue !== undefined ? { scopeValue: input.scopeValue } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...credential,
        // another repository, branch or folder: its files are written anew, nothing carried over
        ...(moved ? { lastCommitSha: null, lastError: null, lastErrorAt: null } : {}),
        // another host answers for another address: the old one's key says nothing about it
        ...(input.repoUrl !== undefined && input.repoUrl !== found.repoUrl ? { sshKnownHosts: "" } : {}),
        nextSyncAt: new Date(),
      },
    });
    if (moved) {
      await tx.db.gitSyncedFile.deleteMany({ where: { connectionId: found.id } });
      await tx.db.gitSyncConflict.deleteMany({ where: { connectionId: found.id, resolvedAt: null } });
    }
    await recordActivity(tx, { workspaceId: workspace.id, kind: "gitSync.updated", subjectId: found.id, data: { repoUrl: input.repoUrl ?? found.repoUrl, credentialChanged: Boolean(input.credential), enabled: input.enabled ?? found.enabled } });
    return presentConnection(await loadConnection(tx, workspace.id, found.id));
  });
}

/** Disconnects: the connection, its sealed credential and its bookkeeping are deleted; the repository and the documents stay. Requires `gitSync.manage`. */
export async function deleteConnection(ctx: Ctx, raw: ConnectionRef): Promise<void> {
  const input = ConnectionRef.parse(raw);
  const workspace = await gitAdminOf(ctx, input.slug);
  const found = await loadConnection(ctx, workspace.id, input.connectionId);
  await inTransaction(ctx, async (tx) => {
    await tx.db.gitConnection.delete({ where: { id: found.id } });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "gitSync.disconnected", subjectId: found.id, data: { repoUrl: found.repoUrl } });
  });
}
