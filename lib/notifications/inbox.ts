import { z } from "zod";
import { authorizeAccount } from "../access/policy";
import type { Ctx } from "../context";

export interface NotificationDto {
  id: string;
  kind: string;
  text: string;
  url: string;
  at: string;
  read: boolean;
}

export const MarkReadInput = z.object({ ids: z.array(z.string().max(64)).max(200).optional(), all: z.boolean().optional() });
export type MarkReadInput = z.infer<typeof MarkReadInput>;

/** The actor's inbox, newest first, with the unread count. Only ever the actor's own entries. Requires `notification.view`. */
export async function listNotifications(ctx: Ctx): Promise<{ items: NotificationDto[]; unread: number }> {
  authorizeAccount(ctx.actor, "notification.view");
  const [rows, unread] = await Promise.all([
    ctx.db.notification.findMany({ where: { userId: ctx.actor.userId }, orderBy: { createdAt: "desc" }, take: 100 }),
    ctx.db.notification.count({ where: { userId: ctx.actor.userId, readAt: null } }),
  ]);
  return { items: rows.map((n) => ({ id: n.id, kind: n.kind, text: n.text, url: n.url, at: n.createdAt.toISOString(), read: Boolean(n.readAt) })), unread };
}

/** How many unread entries the actor has (for the header badge). */
export function unreadCount(ctx: Ctx): Promise<number> {
  return ctx.db.notification.count({ where: { userId: ctx.actor.userId, readAt: null } });
}

/** Marks some (or all) of the actor's entries read. Requires `notification.markRead`. */
export async function markRead(ctx: Ctx, raw: MarkReadInput): Promise<{ unread: number }> {
  authorizeAccount(ctx.actor, "notification.markRead");
  const input = MarkReadInput.parse(raw);
  await ctx.db.notification.updateMany({
    where: { userId: ctx.actor.userId, readAt: null, ...(input.all ? {} : { id: { in: input.ids ?? [] } }) },
    data: { readAt: new Date() },
  });
  return { unread: await unreadCount(ctx) };
}
