import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import type { Db } from "../db";

/** One host key a connection holds: the host as ssh wrote it, the key's type and its SHA256 fingerprint. */
export interface PinnedHostKey {
  host: string;
  type: string;
  fingerprint: string;
}

/** The keys of a known_hosts text (`host type base64 [comment]` lines), with the fingerprints `ssh-keygen -l` prints. */
export function pinnedHostKeys(knownHosts: string | null): PinnedHostKey[] {
  const keys: PinnedHostKey[] = [];
  for (const line of (knownHosts ?? "").split("\n")) {
    const [host, type, blob] = line.trim().split(/\s+/);
    if (!host || host.startsWith("#") || !type || !blob) continue;
    // a hashed host name (`|1|salt|hash`) says nothing to a reader
    keys.push({ host: host.startsWith("|") ? "(hashed)" : host, type, fingerprint: `SHA256:${createHash("sha256").update(Buffer.from(blob, "base64")).digest("base64").replace(/=+$/, "")}` });
  }
  return keys;
}

/**
 * Puts the connection's pinned keys (`GitConnection.sshKnownHosts`) in the file ssh checks,
 * before a sync: the work folder is each process's own disk, and any process of a cluster
 * may run the next sync. "" (none pinned, or forgotten) removes the file, so the next key
 * the host presents is trusted. null (a connection from before keys were kept in the
 * database) leaves a file an earlier sync wrote, to be adopted by `keepPinnedHostKeys`.
 */
export async function placePinnedHostKeys(file: string, stored: string | null): Promise<void> {
  if (stored === null) return;
  if (stored === "") await rm(file, { force: true });
  else await writeFile(file, stored, { mode: 0o600 });
}

/**
 * After a sync, keeps in the database what ssh pinned in the file (trusted on first use).
 * Only while the row still holds `stored`, the value the sync started from: a "Forget host
 * key" made during the sync is not undone by it.
 */
export async function keepPinnedHostKeys(db: Db, connectionId: string, file: string, stored: string | null): Promise<void> {
  const now = await readFile(file, "utf8").catch(() => "");
  if (!now || now === stored) return;
  await db.gitConnection.updateMany({ where: { id: connectionId, sshKnownHosts: stored === null ? { equals: null } : stored }, data: { sshKnownHosts: now } });
}
