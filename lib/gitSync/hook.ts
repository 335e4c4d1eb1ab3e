import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { hookMay } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx, Logger } from "../context";
import type { Db } from "../db";
import { InvalidInput, NotFound, Unauthenticated } from "../errors";
import { ipRange } from "../limits/ipRange";
import { limit } from "../limits/limit";
import { open, seal, SecretKeyError } from "../secrets/secretBox";
import { Id, Slug } from "../workspaces/schema";
import { gitAdminOf, loadConnection } from "./manage";
import { ConnectionRef } from "./schema";

/** The largest push payload read (GitHub's are far smaller unless a push holds thousands of commits). */
export const MAX_HOOK_BYTES = 5_000_000;

/** The path a Git host posts its push hook to. */
export function hookPath(slug: string, connectionId: string): string {
  return `/api/workspaces/${slug}/git-sync/${connectionId}/hook`;
}

/** The associated data a hook secret is sealed with: bound to its connection and its purpose. */
function hookContext(connectionId: string): string {
  return `hook:${connectionId}`;
}

export interface HookSecretDto {
  /** shown once: the host's "Secret" (GitHub) or "Secret token" (GitLab) */
  secret: string;
  /** the path of the hook URL on this server */
  path: string;
}

/**
 * Makes a new secret for the connection's push hook and stores it sealed (AES-256-GCM, like
 * the credential); the previous one stops working at once. The answer carries the secret
 * once. Requires `gitSync.manage`; NotFound outside the workspace; InvalidInput without
 * SPECWRIGHT_SECRET_KEY.
 */
export async function rollHookSecret(ctx: Ctx, raw: ConnectionRef): Promise<HookSecretDto> {
  const input = ConnectionRef.parse(raw);
  const workspace = await gitAdminOf(ctx, input.slug);
  const found = await loadConnection(ctx, workspace.id, input.connectionId);
  const secret = `swh_${randomBytes(32).toString("base64url")}`;
  let sealed: string;
  try {
    sealed = seal(secret, hookContext(found.id));
  } catch (error) {
    if (error instanceof SecretKeyError) throw new InvalidInput(error.message, { secret: [error.message] });
    throw error;
  }
  await ctx.db.gitConnection.update({ where: { id: found.id }, data: { hookSecret: sealed } });
  await recordActivity(ctx, { workspaceId: workspace.id, kind: "gitSync.hookSecretRolled", subjectId: found.id, data: { first: found.hookSecret === null } });
  return { secret, path: hookPath(workspace.slug, found.id) };
}

/** The headers a push hook proves itself with; each is checked when present. */
export const HookHeaders = z.object({
  /** GitHub (and Gitea, Forgejo): `sha256=` + HMAC-SHA256 of the raw body with the secret, in hex */
  signature: z.string().trim().max(200).optional(),
  /** GitLab: the secret token itself */
  gitlabToken: z.string().max(1000).optional(),
  /** GitHub's `X-GitHub-Event` / GitLab's `X-Gitlab-Event`: `push`, `ping`, `Push Hook`… */
  event: z.string().trim().max(100).optional(),
});
export type HookHeaders = z.infer<typeof HookHeaders>;

/** What is read of a push payload: the ref pushed to (GitHub's and GitLab's `ref`), when there is one. */
export const HookPayload = z.looseObject({ ref: z.string().max(1000).optional() });

export const HookInput = z.object({ slug: Slug, connectionId: Id, headers: HookHeaders, body: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "The body must be bytes."), ip: z.string().max(100).optional() });
export type HookInput = z.input<typeof HookInput>;

export interface HookOutcome {
  /** the connection was marked due: the next poll (within seconds) syncs it */
  due: boolean;
  /** why it was not, when it was not */
  reason?: string;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the request carries proof of `secret`: GitHub's signature of the body, or GitLab's token (compared in constant time). */
export function hookVerified(secret: string, headers: HookHeaders, body: Uint8Array): boolean {
  if (headers.signature !== undefined) {
    const match = /^sha256=([0-9a-f]{64})$/i.exec(headers.signature);
    if (!match) return false;
    const expected = createHmac("sha256", secret).update(body).digest();
    return sameBytes(Buffer.from(match[1]!, "hex"), expected);
  }
  if (headers.gitlabToken !== undefined) {
    // hashed first, so the comparison takes as long whatever the length sent
    const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
    return sameBytes(digest(headers.gitlabToken), digest(secret));
  }
  return false;
}

/** The payload's JSON: sent as JSON, or as GitHub's form post (`payload=<json>`). InvalidInput when it is neither. */
function payloadOf(body: Uint8Array): z.infer<typeof HookPayload> {
  const text = Buffer.from(body).toString("utf8");
  if (!text.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(text.trimStart().startsWith("payload=") ? (new URLSearchParams(text).get("payload") ?? "") : text);
  } catch {
    throw new InvalidInput("The hook's body is not JSON.");
  }
  const parsed = HookPayload.safeParse(json);
  if (!parsed.success) throw new InvalidInput("The hook's body is not a push event.");
  return parsed.data;
}

/**
 * A Git host's push hook for a connection: verified against the connection's hook secret
 * (GitHub's `X-Hub-Signature-256`, GitLab's `X-Gitlab-Token`), allowed by the policy
 * (`hookMay`), then the connection is only marked due now — the background sync
 * (`runDue.ts`) brings the push in within seconds. A push to another branch, or GitHub's
 * `ping`, is answered without marking it. NotFound for an unknown connection, another
 * workspace's, or one with no hook secret (nothing said about which); Unauthenticated for a
 * missing or wrong signature, changing nothing; TooManyRequests past `gitHookRefused` (per
 * network) or `gitHook` (per connection).
 */
export async function receiveHook(db: Db, raw: HookInput, log?: Logger): Promise<HookOutcome> {
  const input = HookInput.parse(raw);
  const connection = await db.gitConnection.findFirst({ where: { id: input.connectionId, workspace: { slug: input.slug } }, select: { id: true, branch: true, hookSecret: true } });
  if (!connection?.hookSecret) throw new NotFound("Git connection");
  const refused = async (why: string) => {
    log?.warn({ connectionId: connection.id, why }, "git push hook refused");
    if (input.ip) await limit("gitHookRefused", `gitHook:${ipRange(input.ip)}`);
    return new Unauthenticated("The hook's signature does not match this connection's hook secret.");
  };
  let secret: string;
  try {
    secret = open(connection.hookSecret, hookContext(connection.id));
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    throw await refused("the hook secret cannot be opened with this SPECWRIGHT_SECRET_KEY");
  }
  const caller = { connectionId: connection.id, verified: hookVerified(secret, input.headers, input.body) };
  if (!hookMay(caller, "gitSync.hookSync", connection)) throw await refused(input.headers.signature || input.headers.gitlabToken ? "wrong signature" : "no signature");
  await limit("gitHook", connection.id);
  if (input.headers.event?.toLowerCase() === "ping") return { due: false, reason: "ping" };
  const payload = payloadOf(input.body);
  if (payload.ref !== undefined && payload.ref !== `refs/heads/${connection.branch}`) return { due: false, reason: `a push to ${payload.ref.slice(0, 200)}, not to ${connection.branch}` };
  const now = new Date();
  await db.gitConnection.update({ where: { id: connection.id }, data: { hookLastAt: now } });
  // never later than it already is: a hook only brings the next sync forward
  await db.gitConnection.updateMany({ where: { id: connection.id, nextSyncAt: { gt: now } }, data: { nextSyncAt: now } });
  log?.info({ connectionId: connection.id, event: input.headers.event }, "git push hook: connection due now");
  return { due: true };
}
