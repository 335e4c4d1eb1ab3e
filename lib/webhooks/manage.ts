import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { InvalidInput, NotFound } from "../errors";
import { loadMembership } from "../workspaces/loadMembership";
import { WorkspaceRef } from "../workspaces/schema";
import { presentWebhook, type WebhookDto } from "./present";
import { CreateWebhookInput, UpdateWebhookInput, WebhookRef } from "./schema";
import { newSecret } from "./sign";
import { storedSecret } from "./storedSecret";
import { privateAddressesAllowed, webhookUrlProblem } from "./url";

function checkUrl(url: string): void {
  const problem = webhookUrlProblem(url, privateAddressesAllowed());
  if (problem) throw new InvalidInput(problem, { url: [problem] });
}

/** The workspace and the actor's right to manage its webhooks; NotFound for outsiders. */
export async function adminOf(ctx: Ctx, slug: string) {
  const { workspace, membership } = await loadMembership(ctx, slug);
  authorize(membership, "webhook.manage");
  return workspace;
}

/** A webhook of the workspace, or NotFound (also for another workspace's id). */
export async function loadWebhook(ctx: Ctx, workspaceId: string, webhookId: string) {
  const hook = await ctx.db.webhook.findFirst({ where: { id: webhookId, workspaceId } });
  if (!hook) throw new NotFound("Webhook");
  return hook;
}

/** The workspace's webhook endpoints, without their secrets, each with who registered it and whether they are still a member. Requires `webhook.manage`. */
export async function listWebhooks(ctx: Ctx, raw: WorkspaceRef): Promise<WebhookDto[]> {
  const { slug } = WorkspaceRef.parse(raw);
  const workspace = await adminOf(ctx, slug);
  const hooks = await ctx.db.webhook.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "asc" } });
  const creatorIds = [...new Set(hooks.flatMap((h) => (h.createdById ? [h.createdById] : [])))];
  const [users, members] = await Promise.all([
    ctx.db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } }),
    ctx.db.membership.findMany({ where: { workspaceId: workspace.id, userId: { in: creatorIds } }, select: { userId: true } }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name] as const));
  const stayed = new Set(members.map((m) => m.userId));
  return hooks.map((h) => {
    const name = h.createdById ? names.get(h.createdById) : undefined;
    return { ...presentWebhook(h), createdBy: name === undefined ? null : { name, member: stayed.has(h.createdById!) } };
  });
}

/**
 * Registers an endpoint and makes its signing secret, which this answer alone carries.
 * The URL must be http(s) and, in production, public (see url.ts). Requires `webhook.manage`.
 */
export async function createWebhook(ctx: Ctx, raw: CreateWebhookInput): Promise<WebhookDto & { secret: string }> {
  const input = CreateWebhookInput.parse(raw);
  const workspace = await adminOf(ctx, input.slug);
  checkUrl(input.url);
  const secret = newSecret();
  return inTransaction(ctx, async (tx) => {
    const hook = await tx.db.webhook.create({
      data: { workspaceId: workspace.id, url: input.url, description: input.description, events: [...new Set(input.events)], slack: input.slack, secret: storedSecret(secret, workspace.id), createdById: ctx.actor.userId },
    });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "webhook.created", subjectId: hook.id, data: { url: hook.url, events: hook.events } });
    return { ...presentWebhook(hook), secret };
  });
}

/** Changes an endpoint's URL, description, events, Slack format, or enables/disables it. Requires `webhook.manage`. */
export async function updateWebhook(ctx: Ctx, raw: UpdateWebhookInput): Promise<WebhookDto> {
  const input = UpdateWebhookInput.parse(raw);
  const workspace = await adminOf(ctx, input.slug);
  const hook = await loadWebhook(ctx, workspace.id, input.webhookId);
  if (input.url !== undefined) checkUrl(input.url);
  return inTransaction(ctx, async (tx) => {
    const updated = await tx.db.webhook.update({
      where: { id: hook.id },
      data: {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
        ...(input.slack !== undefined ? { slack: input.slack } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      },
    });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "webhook.updated", subjectId: hook.id, data: { url: updated.url, events: updated.events, enabled: updated.enabled } });
    return presentWebhook(updated);
  });
}

/** Deletes an endpoint and its deliveries (pending ones are never sent). Requires `webhook.manage`. */
export async function deleteWebhook(ctx: Ctx, raw: WebhookRef): Promise<void> {
  const input = WebhookRef.parse(raw);
  const workspace = await adminOf(ctx, input.slug);
  const hook = await loadWebhook(ctx, workspace.id, input.webhookId);
  await inTransaction(ctx, async (tx) => {
    await tx.db.webhook.delete({ where: { id: hook.id } });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "webhook.deleted", subjectId: hook.id, data: { url: hook.url } });
  });
}
