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
 * records, so the log never claims a change that was rolled back.
 */
export async function recordActivity(ctx: Ctx, input: ActivityInput): Promise<void> {
  await ctx.db.activity.create({
    data: {
      workspaceId: input.workspaceId,
      actorId: ctx.actor.userId,
      kind: input.kind,
      subjectId: input.subjectId ?? null,
      data: input.data ?? {},
    },
  });
}
