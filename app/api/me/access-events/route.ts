import { headers } from "next/headers";
import { z } from "zod";
import { currentSessionId } from "@/app/_server/currentSession";
import { route } from "@/app/_server/route";
import { authorizeAccount } from "@/lib/access/policy";
import { watchAccess, type AccessNotice } from "@/lib/access/accessWatch";
import { parseEpochMs } from "@/lib/http/requestStart";

/** A comment line often enough that proxies keep the stream open. */
const KEEP_ALIVE_MS = 25_000;
/**
 * A page's `since` is when its request arrived, before its data was read; a change heard
 * from another process is stamped when it arrived here. The margin covers the processes'
 * clocks disagreeing a little (at worst one needless re-render).
 */
const CLOCK_MARGIN_MS = 2_000;

const input = z.object({
  /** when the page was drawn, epoch ms: changes from then on are not missed */
  since: z.coerce.number().int().nonnegative().optional(),
});

// GET /api/me/access-events — with `Accept: text/event-stream`, a stream of `access` events
// for the signed-in session's open pages: `signedOut` when this session was revoked,
// `changed` when the person's membership, or a document of one of their workspaces,
// changed (the page renders again, which re-checks the policy). Without that Accept
// header it answers what it is, as JSON. `?since=` (when the page was drawn) replays the
// changes made while the page was on its way; a reconnecting stream resumes from the id of
// the last event it was sent.
export const GET = route(input, async (ctx, { since }) => {
  authorizeAccount(ctx.actor, "account.security");
  const sessionId = await currentSessionId();
  const request = await headers();
  if (!request.get("accept")?.includes("text/event-stream")) {
    return { stream: "Ask with Accept: text/event-stream for access events of this session." };
  }
  // where a reconnecting stream left off: the id of the last event it was sent
  const resumeFrom = parseEpochMs(request.get("last-event-id")) ?? since;
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unwatch = watchAccess(
        ctx.db,
        { userId: ctx.actor.userId, sessionId },
        (notice: AccessNotice) => {
          send(`event: access\nid: ${Date.now()}\ndata: ${notice}\n\n`);
          if (notice === "signedOut") stop();
        },
        resumeFrom === undefined ? undefined : resumeFrom - CLOCK_MARGIN_MS,
      );
      const timer = setInterval(() => send(": keep-alive\n\n"), KEEP_ALIVE_MS);
      stop = () => {
        clearInterval(timer);
        unwatch();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      // the id marks where a reconnection resumes, even if no event follows
      send(`retry: 5000\nid: ${Date.now()}\n: open\n\n`);
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" },
  });
});
