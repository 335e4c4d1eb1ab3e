import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { adminOf, loadWebhook } from "./manage";
import { presentWebhook, type WebhookDto } from "./present";
import { WebhookRef } from "./schema";
import { newSecret } from "./sign";
import { storedSecret } from "./storedSecret";

/**
 * Replaces an endpoint's signing secret (after a leak, or routinely) and answers with the new
 * one, shown this once; deliveries sent from now on, retries included, are signed with it.
 * Requires `webhook.manage`.
 */
export async function rollSecret(ctx: Ctx, raw: WebhookRef): Promise<WebhookDto & { secret: string }> {
  const input = WebhookRef.parse(raw);
  const workspace = await adminOf(ctx, input.slug);
  const hook = await loadWebhook(ctx, workspace.id, input.webhookId);
  const secret = newSecret();
  return inTransaction(ctx, async (tx) => {
    const updated = await tx.db.webhook.update({ where: { id: hook.id }, data: { secret: storedSecret(secret, workspace.id) } });
    await recordActivity(tx, { workspaceId: workspace.id, kind: "webhook.secretRolled", subjectId: hook.id });
    return { ...presentWebhook(updated), secret };
  });
}
