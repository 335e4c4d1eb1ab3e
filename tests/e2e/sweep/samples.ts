import type { Action } from "../../../lib/access/policy";
import type { SweepFixture } from "./fixture";
import type { Method } from "./routes";

/**
 * What the route sweep sends and what it skips. Every entry says why; a stale entry (a
 * route that no longer exists) fails the sweep, and so does a write route without a sample
 * input, so each new write reaches its permission check instead of stopping at input
 * validation.
 */

/** Answer strangers by design; nothing here reads or changes a workspace. */
export const PUBLIC: Record<string, string> = {
  "/api/health": "liveness probe: says only that the process runs",
  "/api/ready": "readiness probe: says only whether the database answers",
  "/api/signup": "creating an account is how a stranger starts (an invite token only joins the invited email)",
  "/api/auth/[...nextauth]": "next-auth's sign-in, callback, CSRF and session endpoints",
  "/api/password-reset": "asks for a reset mail: the same answer whether or not the address has an account, limited per network and address",
  "/api/password-reset/confirm": "sets a password only with a mailed one-time token",
  "/api/verify-email": "confirms an address only with a mailed one-time token",
  "/api/openapi.json": "describes the API's routes and their input: the same for everyone, no data",
  "/api/workspaces/[slug]/git-sync/[connectionId]/hook":
    "a Git host's push hook: no session or token, only a body signed with the connection's hook secret (401 otherwise, 404 for a connection without one); it only brings the next sync forward",
};

/** Pages for people who are not signed in yet. */
export const PUBLIC_PAGES: Record<string, string> = {
  "/signin": "signing in",
  "/signup": "creating an account",
  "/forgot-password": "asking for a reset mail",
  "/reset-password": "setting a new password from a mailed link",
  "/verify-email": "confirming an address from a mailed link",
  "/invite/[token]": "an invite's landing page: shows the workspace name and role to whoever holds the token, then asks them to sign in or up",
};

/**
 * About the caller only, with no other workspace's resource in the path: another
 * workspace's owner may call them (the sweep checks A is untouched), anonymous callers get
 * 401, and A's viewer changing their own inbox is not a write to A.
 */
export const SELF: Record<string, string> = {
  "/api/me": "the caller's own account and workspaces",
  "/api/workspaces": "lists or creates the caller's own workspaces",
  "/api/notifications": "the caller's own inbox",
  "/api/notifications/read": "marks entries of the caller's own inbox read (the sample sends an id from A's editor's inbox)",
  "/api/me/sessions": "lists or ends the caller's own sessions",
  "/api/me/password": "changes the caller's own password (the sample's current password is wrong)",
  "/api/me/color": "sets the colour the caller is shown in",
  "/api/me/links": "links a sign-in provider to the caller's own account",
  "/api/me/verification": "mails the caller a link to confirm their own address",
  "/api/me/access-events": "the caller's own session's access events (the sweep asks for JSON, which says what the stream is)",
  "/api/me/tokens": "lists or makes the caller's own API tokens",
  "/api/me/tokens/[tokenId]": "revokes one of the caller's own API tokens (the sample's id is A's workspace token: nobody's personal one)",
};

/** Self calls that end the caller's own session: the sweep makes them after every other call of that person. */
export const ENDS_OWN_SESSION = new Set(["DELETE /api/me/sessions"]);

/** Writes a viewer of the workspace may make, each by a policy row the sweep checks. */
export const VIEWER_MAY: Record<string, { action: Action; reason: string }> = {
  "POST /api/documents/[documentId]/comments": { action: "comment.create", reason: "reviewers are often viewers: every member may discuss a document" },
  "POST /api/documents/[documentId]/comments/[threadId]/replies": { action: "comment.create", reason: "replying is commenting" },
  "POST /api/documents/[documentId]/versions/seen": { action: "version.view", reason: "records what the viewer has read: their own row" },
};

/** Reads the policy keeps from viewers: the sweep calls these as A's viewer too. */
export const VIEWER_MAY_NOT_READ: Record<string, Action> = {
  "GET /api/documents/[documentId]/activity": "activity.view",
  "GET /api/workspaces/[slug]/invites": "invite.list",
  "GET /api/documents/[documentId]/versions/[number]/restore/preview": "version.restore",
  "GET /api/documents/[documentId]/review/gate": "review.submit",
  "GET /api/workspaces/[slug]/tokens": "apiToken.manage",
  "GET /api/workspaces/[slug]/webhooks": "webhook.manage",
  "GET /api/workspaces/[slug]/webhooks/[webhookId]/deliveries": "webhook.manage",
  "GET /api/workspaces/[slug]/git-sync": "gitSync.manage",
  "GET /api/workspaces/[slug]/activity": "activity.view",
};

export interface Sample {
  query?: Record<string, string>;
  data?: unknown;
}

/** Valid input per `METHOD pattern`, as the workspace's owner would send it. GETs need one only for required query parameters. */
export function samples(f: SweepFixture): Record<string, Sample> {
  const { sectionKey, roleKey, templateDefinition, templateVersion, notificationId } = f.facts;
  return {
    "GET /api/documents/[documentId]/versions/diff": { query: { from: f.ids.number!, to: "current" } },
    "PATCH /api/documents/[documentId]": { data: { title: "Taken over" } },
    "PUT /api/documents/[documentId]/metadata": { data: { source: "planted: yes\n" } },
    "PUT /api/documents/[documentId]/markdown": { data: { base: "# Planted\n\n## Section\n\nText.\n", markdown: "# Planted\n\n## Section\n\nTaken over.\n" } },
    "DELETE /api/documents/[documentId]": {},
    "POST /api/documents/[documentId]/restore": {},
    "POST /api/documents/[documentId]/comments": { data: { sectionKey, body: "Planted comment" } },
    "POST /api/documents/[documentId]/comments/[threadId]/replies": { data: { body: "Planted reply" } },
    "POST /api/documents/[documentId]/comments/[threadId]/resolve": { data: { resolved: true } },
    "POST /api/documents/[documentId]/comments/[threadId]/apply": { data: {} },
    "POST /api/documents/[documentId]/review/assign": { data: { roleKey, reviewerId: f.a.viewer.userId } },
    "POST /api/documents/[documentId]/review/decision": { data: { roleKey, decision: "approved", overrideReason: "I say so" } },
    "PUT /api/documents/[documentId]/review/roles": { data: { roles: [{ name: "Hijacked", scope: [] }] } },
    "POST /api/documents/[documentId]/review/submit": { data: { overrideReason: "I say so" } },
    "POST /api/documents/[documentId]/status": { data: { action: "withdraw", reason: "No longer needed", overrideReason: "I say so" } },
    "POST /api/documents/[documentId]/versions": { data: { label: "Planted version" } },
    "POST /api/documents/[documentId]/versions/[number]/restore": { data: {} },
    "POST /api/documents/[documentId]/versions/seen": { data: {} },
    "POST /api/invites/[token]/accept": { data: {} },
    "POST /api/notifications/read": { data: { ids: [notificationId] } },
    "POST /api/workspaces": { data: { name: "Mallory's second workspace" } },
    "POST /api/workspaces/[slug]/documents": { data: { templateId: f.facts.templateId, title: "Planted document" } },
    "POST /api/workspaces/[slug]/import": { data: { markdown: "# Planted\n\n## Section\n\nText." } },
    // the permission is checked before the body is read, so JSON reaches it as well as a file would
    "POST /api/workspaces/[slug]/import.zip": { data: {} },
    "POST /api/documents/[documentId]/images": { data: {} },
    "POST /api/workspaces/[slug]/invites": { data: { email: "planted@example.test", role: "admin" } },
    "DELETE /api/workspaces/[slug]/invites/[inviteId]": {},
    "PATCH /api/workspaces/[slug]/members/[userId]": { data: { role: "viewer" } },
    "POST /api/workspaces/[slug]/members/[userId]/email-confirmation": { data: {} },
    "POST /api/me/links": { data: { provider: "github" } },
    "POST /api/me/password": { data: { currentPassword: "not-the-password", newPassword: "another-long-password" } },
    "PUT /api/me/color": { data: { color: "#0f766e" } },
    "DELETE /api/me/sessions": {},
    "DELETE /api/me/sessions/[sessionId]": {},
    "POST /api/me/verification": { data: {} },
    "DELETE /api/workspaces/[slug]/members/[userId]": {},
    "POST /api/workspaces/[slug]/templates/[templateId]/duplicate": { data: {} },
    "PATCH /api/workspaces/[slug]/templates/[templateId]": { data: { definition: templateDefinition, expectedVersion: templateVersion } },
    "POST /api/workspaces/[slug]/webhooks": { data: { url: "https://planted.example.test/hook", events: ["document.approved"] } },
    "PATCH /api/workspaces/[slug]/webhooks/[webhookId]": { data: { url: "https://hijacked.example.test/hook", enabled: false } },
    "DELETE /api/workspaces/[slug]/webhooks/[webhookId]": {},
    "POST /api/workspaces/[slug]/webhooks/[webhookId]/secret": { data: {} },
    "POST /api/workspaces/[slug]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver": { data: {} },
    "POST /api/workspaces/[slug]/git-sync": { data: { repoUrl: "https://planted.example.test/repo.git" } },
    "PATCH /api/workspaces/[slug]/git-sync/[connectionId]": { data: { repoUrl: "https://hijacked.example.test/repo.git", enabled: false } },
    "DELETE /api/workspaces/[slug]/git-sync/[connectionId]": {},
    "POST /api/workspaces/[slug]/git-sync/[connectionId]/sync": { data: {} },
    "POST /api/workspaces/[slug]/git-sync/[connectionId]/hook-secret": { data: {} },
    "DELETE /api/workspaces/[slug]/git-sync/[connectionId]/host-key": {},
    "POST /api/documents/[documentId]/git-conflicts/[conflictId]/resolve": { data: { sectionKey, keep: "repository" } },
    "POST /api/workspaces/[slug]/templates/import": { data: { markdown: "# Planted template\n\n## Section\n\n[Placeholder]" } },
    "POST /api/me/tokens": { data: { name: "Planted token", scope: "admin", expiresInDays: 30 } },
    "DELETE /api/me/tokens/[tokenId]": {},
    "POST /api/workspaces/[slug]/tokens": { data: { name: "Planted token", scope: "admin", expiresInDays: 30 } },
    "DELETE /api/workspaces/[slug]/tokens/[tokenId]": {},
  };
}

export function sampleKey(method: Method, pattern: string): string {
  return `${method} ${pattern}`;
}
