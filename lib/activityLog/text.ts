import { describeActivity } from "../review/activityText";

type Data = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" || typeof v === "number" ? String(v) : "");
const quoted = (v: unknown, otherwise: string) => (str(v) ? `“${str(v)}”` : otherwise);

/** What an entry about the workspace itself (not one document) says, after the actor's name. */
const SENTENCES: Record<string, (d: Data) => string> = {
  "workspace.created": () => "created the workspace",
  "member.invited": (d) => `invited ${str(d.email) || "someone"}${d.role ? ` as ${str(d.role)}` : ""}`,
  "member.joined": (d) => `joined${d.role ? ` as ${str(d.role)}` : ""}`,
  "member.roleChanged": (d) => `changed a member’s role from ${str(d.from)} to ${str(d.to)}`,
  "member.removed": (d) => `removed ${str(d.email) || "a member"}`,
  "member.emailConfirmed": (d) => `confirmed the address ${str(d.email)}`,
  "invite.revoked": () => "revoked an invitation",
  "template.duplicated": () => "duplicated a template",
  "template.updated": (d) => `updated a template${d.version ? ` (version ${str(d.version)})` : ""}`,
  "template.imported": () => "imported a template",
  "apiToken.created": (d) => `created the API token ${quoted(d.name, "")}${d.scope ? ` (${str(d.scope)})` : ""}`,
  "apiToken.firstUsed": () => "used an API token for the first time",
  "apiToken.revoked": (d) => `revoked the API token ${quoted(d.name, "")}`,
  "webhook.created": (d) => `added the webhook ${str(d.url)}`,
  "webhook.updated": (d) => `changed the webhook ${str(d.url)}`,
  "webhook.deleted": (d) => `deleted the webhook ${str(d.url)}`,
  "webhook.secretRolled": () => "replaced a webhook’s secret",
  "webhook.redelivered": () => "sent a webhook delivery again",
  "gitSync.connected": (d) => `connected the repository ${str(d.repoUrl)}`,
  "gitSync.updated": (d) => `changed the Git connection to ${str(d.repoUrl)}`,
  "gitSync.disconnected": (d) => `disconnected the repository ${str(d.repoUrl)}`,
  "gitSync.requested": () => "asked for a Git sync",
  "gitSync.hookSecretRolled": () => "set up a Git push hook secret",
  "gitSync.hostKeyForgotten": (d) => `forgot the SSH host key of ${str(d.repoUrl)}${Array.isArray(d.fingerprints) && d.fingerprints.length ? ` (${d.fingerprints.map(str).join(", ")})` : ""}`,
};

const NO_NAMES = { people: new Map<string, string>(), roles: new Map<string, string>(), sections: new Map<string, string>() };

/**
 * An entry of the workspace's log as a sentence after the actor's name: the workspace's own
 * kinds here, a document's in the document log's words (the page names the document beside it).
 */
export function describeWorkspaceActivity(kind: string, data: Data, aboutDocument: boolean): string {
  const own = SENTENCES[kind];
  if (own) return own(data);
  return aboutDocument ? describeActivity(kind, data, NO_NAMES) : kind.replace(/[._]/g, " ");
}
