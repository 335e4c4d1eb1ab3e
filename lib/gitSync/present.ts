import { pinnedHostKeys, type PinnedHostKey } from "./hostKeys";
import { isSshAddress } from "./remoteUrl";
import type { GitScope } from "./schema";

/** A connection as admins see it: never its credential, only which kind it has. */
export interface GitConnectionDto {
  id: string;
  repoUrl: string;
  branch: string;
  path: string;
  scope: GitScope;
  scopeValue: string;
  credentialKind: "none" | "token" | "ssh";
  enabled: boolean;
  createdAt: string;
  lastCommitSha: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** a process is syncing it now */
  syncing: boolean;
  /** documents waiting to be committed */
  pending: number;
  /** documents with sections both sides changed, waiting for a person */
  openConflicts: number;
  /** documents this connection keeps in the repository */
  files: number;
  /** the push hook: whether it has a secret (never the secret) and when a verified hook last asked for a sync */
  hook: { configured: boolean; lastAt: string | null };
  /** the SSH host keys the connection trusts (pinned on first sync); null: pinned by an earlier version in a file only, recorded at the next sync */
  hostKeys: PinnedHostKey[] | null;
  /** git reaches the repository over SSH (so a host key is pinned) */
  overSsh: boolean;
}

export interface ConnectionRow {
  id: string;
  repoUrl: string;
  branch: string;
  path: string;
  scope: string;
  scopeValue: string;
  credentialKind: string;
  enabled: boolean;
  createdAt: Date;
  lastCommitSha: string | null;
  lastSyncAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  leaseUntil: Date | null;
  hookSecret: string | null;
  hookLastAt: Date | null;
  sshKnownHosts: string | null;
  _count: { requests: number; files: number; conflicts: number };
}

/** What `presentConnection` needs counted, as a Prisma `include`. */
export const CONNECTION_COUNTS = { _count: { select: { requests: true, files: true, conflicts: { where: { resolvedAt: null } } } } } as const;

export function presentConnection(c: ConnectionRow, now = new Date()): GitConnectionDto {
  return {
    id: c.id,
    repoUrl: c.repoUrl,
    branch: c.branch,
    path: c.path,
    scope: c.scope as GitScope,
    scopeValue: c.scopeValue,
    credentialKind: c.credentialKind as GitConnectionDto["credentialKind"],
    enabled: c.enabled,
    createdAt: c.createdAt.toISOString(),
    lastCommitSha: c.lastCommitSha,
    lastSyncAt: c.lastSyncAt?.toISOString() ?? null,
    lastError: c.lastError,
    lastErrorAt: c.lastErrorAt?.toISOString() ?? null,
    syncing: Boolean(c.leaseUntil && c.leaseUntil > now),
    pending: c._count.requests,
    openConflicts: c._count.conflicts,
    files: c._count.files,
    hook: { configured: c.hookSecret !== null, lastAt: c.hookLastAt?.toISOString() ?? null },
    hostKeys: c.sshKnownHosts === null ? null : pinnedHostKeys(c.sshKnownHosts),
    overSsh: isSshAddress(c.repoUrl),
  };
}
