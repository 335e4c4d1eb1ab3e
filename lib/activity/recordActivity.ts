import type { Prisma } from "../db";
import type { Ctx } from "../context";

export interface ActivityInput {
  /** null for entries about one person's own account (their personal API tokens) */
  workspaceId: string | null;
  kind: string;
  subjectId?: string;
  data?: Prisma.InputJsonValue;
}

/**
 * Appends an entry to the activity log. Call it inside the transaction of the change it
 * records, so the log never claims a change that was rolled back. A change made through an
 * API token names the token (`data.viaToken`).
 */
export async function recordActivity(ctx: Ctx, input: ActivityInput): Promise<void> {
  await ctx.db.activity.create({
    data: {
      workspaceId: input.workspaceId,
      actorId: ctx.actor.userId,
      kind: input.kind,
      subjectId: input.subjectId ?? null,
      data: withToken(input.data ?? {}, ctx.actor.token?.tokenId),
    },
  });
}

function withToken(data: Prisma.InputJsonValue, tokenId: string | undefined): Prisma.InputJsonValue {
  if (!tokenId || typeof data !== "object" || data === null || Array.isArray(data)) return data;
  return { ...data, viaToken: tokenId };
}
