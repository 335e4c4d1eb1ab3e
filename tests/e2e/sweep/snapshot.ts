import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Reads what the app's own PostgreSQL holds about one workspace, so a sweep can prove that
 * nothing changed. The end-to-end server keeps its embedded database under E2E_DATA_DIR
 * (the port is in postmaster.pid); with DATABASE_URL set, the server uses that instead.
 */
export async function connectToAppDatabase(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: appDatabaseUrl() });
  await client.connect();
  return client;
}

function appDatabaseUrl(): string {
  const pidFile = path.join(process.env.E2E_DATA_DIR ?? "", "postgres", "postmaster.pid");
  if (process.env.E2E_DATA_DIR && existsSync(pidFile)) {
    // postmaster.pid: pid, data dir, start time, port, ...
    const port = readFileSync(pidFile, "utf8").split("\n")[3]!.trim();
    return `postgresql://postgres:specwright@127.0.0.1:${port}/specwright`;
  }
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  throw new Error("The route sweep cannot find the app's database: set E2E_DATA_DIR (playwright.config does) or DATABASE_URL.");
}

const DOCS = `(SELECT id FROM "Document" WHERE "workspaceId" = $1)`;
const THREADS = `(SELECT id FROM "CommentThread" WHERE "documentId" IN ${DOCS})`;
const TEMPLATES = `(SELECT id FROM "Template" WHERE "workspaceId" = $1)`;

/**
 * Every row that belongs to the workspace ($1) or its members ($2), by table. Rows added
 * later (a document created, a member joined) fall inside these conditions too. Users are
 * compared on the columns an attacker would want to change, notifications without the
 * columns background jobs set.
 */
const SCOPE: Record<string, string> = {
  Workspace: `SELECT * FROM "Workspace" WHERE id = $1`,
  Membership: `SELECT * FROM "Membership" WHERE "workspaceId" = $1`,
  Invite: `SELECT * FROM "Invite" WHERE "workspaceId" = $1`,
  Activity: `SELECT * FROM "Activity" WHERE "workspaceId" = $1`,
  Template: `SELECT * FROM "Template" WHERE "workspaceId" = $1`,
  TemplateVersion: `SELECT * FROM "TemplateVersion" WHERE "templateId" IN ${TEMPLATES}`,
  Document: `SELECT * FROM "Document" WHERE "workspaceId" = $1`,
  Image: `SELECT id, "workspaceId", mime, size, sha256, "fileName", "createdById", "createdAt" FROM "Image" WHERE "workspaceId" = $1`,
  Section: `SELECT * FROM "Section" WHERE "documentId" IN ${DOCS}`,
  ReviewAssignment: `SELECT * FROM "ReviewAssignment" WHERE "documentId" IN ${DOCS}`,
  Approval: `SELECT * FROM "Approval" WHERE "documentId" IN ${DOCS}`,
  CommentThread: `SELECT * FROM "CommentThread" WHERE "documentId" IN ${DOCS}`,
  Comment: `SELECT * FROM "Comment" WHERE "threadId" IN ${THREADS}`,
  Version: `SELECT * FROM "Version" WHERE "documentId" IN ${DOCS}`,
  VersionPending: `SELECT * FROM "VersionPending" WHERE "documentId" IN ${DOCS}`,
  VersionSeen: `SELECT * FROM "VersionSeen" WHERE "documentId" IN ${DOCS}`,
  // not mailedAt: the outbox (with SMTP_URL set) mails entries on its own timer
  Notification: `SELECT id, "userId", "workspaceId", "documentId", kind, text, url, "createdAt", "readAt" FROM "Notification" WHERE "workspaceId" = $1 OR "userId" = ANY($2)`,
  Webhook: `SELECT * FROM "Webhook" WHERE "workspaceId" = $1`,
  // not the columns the sender sets on its own timer
  WebhookDelivery: `SELECT id, "webhookId", "eventId", event, payload, "createdAt" FROM "WebhookDelivery" WHERE "webhookId" IN (SELECT id FROM "Webhook" WHERE "workspaceId" = $1)`,
  // not the status columns the Git syncer sets on its own timer (last sync, last error, lease, next sync)
  GitConnection: `SELECT id, "workspaceId", "repoUrl", branch, path, scope, "scopeValue", "credentialKind", credential, "credentialUser", enabled, "createdById", "createdAt" FROM "GitConnection" WHERE "workspaceId" = $1`,
  GitSyncRequest: `SELECT * FROM "GitSyncRequest" WHERE "connectionId" IN (SELECT id FROM "GitConnection" WHERE "workspaceId" = $1)`,
  GitSyncedFile: `SELECT * FROM "GitSyncedFile" WHERE "connectionId" IN (SELECT id FROM "GitConnection" WHERE "workspaceId" = $1)`,
  GitSyncConflict: `SELECT * FROM "GitSyncConflict" WHERE "documentId" IN ${DOCS}`,
  User: `SELECT id, email, name, "passwordHash", image FROM "User" WHERE id = ANY($2)`,
  Account: `SELECT * FROM "Account" WHERE "userId" = ANY($2)`,
  // not firstUsedAt/lastUsedAt: the sweep's own tokens are used as it goes
  ApiToken: `SELECT id, name, scope, "tokenHash", "userId", "workspaceId", "expiresAt", "revokedAt" FROM "ApiToken" WHERE "workspaceId" = $1 OR "userId" = ANY($2)`,
};

export type Snapshot = Record<string, string[]>;

/** The workspace's rows, each table as sorted JSON lines. */
export async function snapshot(db: pg.Client, workspaceId: string, userIds: string[]): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const [table, sql] of Object.entries(SCOPE)) {
    const params = sql.includes("$2") ? (sql.includes("$1") ? [workspaceId, userIds] : [userIds]) : [workspaceId];
    const query = sql.includes("$1") || !sql.includes("$2") ? sql : sql.replace("$2", "$1");
    const { rows } = await db.query(query, params);
    out[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

/** Tables whose rows differ, with how many rows were added, removed or changed. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(before).flatMap((table) => {
    const was = new Set(before[table]);
    const now = new Set(after[table]);
    const gone = [...was].filter((row) => !now.has(row)).length;
    const added = [...now].filter((row) => !was.has(row)).length;
    return gone || added ? [`${table} (−${gone} +${added})`] : [];
  });
}
