import type { Ctx } from "../context";
import { describeDevice } from "./device";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";

export interface SessionDto {
  id: string;
  device: string;
  ip: string;
  signedInAt: string;
  lastSeenAt: string;
  /** the session of the request asking */
  current: boolean;
}

/** The actor's live sessions, most recently used first; `currentSessionId` is marked. */
export async function listSessions(ctx: Ctx, currentSessionId: string | undefined): Promise<SessionDto[]> {
  const rows = await ctx.db.userSession.findMany({
    where: { userId: ctx.actor.userId, revokedAt: null, lastSeenAt: { gt: new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000) } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return rows.map((s) => ({
    id: s.id,
    device: describeDevice(s.userAgent),
    ip: s.ip,
    signedInAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    current: s.id === currentSessionId,
  }));
}
