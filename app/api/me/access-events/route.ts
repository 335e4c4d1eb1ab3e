import { headers } from "next/headers";
import { z } from "zod";
import { currentSessionId } from "@/app/_server/currentSession";
import { route } from "@/app/_server/route";
import { watchAccess, type AccessNotice } from "@/lib/access/accessWatch";

/** A comment line often enough that proxies keep the stream open. */
const KEEP_ALIVE_MS = 25_000;

// GET /api/me/access-events — with `Accept: text/event-stream`, a stream of `access` events
// for the signed-in session's open pages: `signedOut` when this session was revoked,
// `changed` when the person's membership, or a document of one of their workspaces,
// changed (the page renders again, which re-checks the policy). Without that Accept
// header it answers what it is, as JSON.
export const GET = route(z.object({}), async (ctx) => {
  const sessionId = await currentSessionId();
  if (!(await headers()).get("accept")?.includes("text/event-stream")) {
    return { stream: "Ask with Accept: text/event-stream for access events of this session." };
  }
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
      const unwatch = watchAccess(ctx.db, { userId: ctx.actor.userId, sessionId }, (notice: AccessNotice) => {
        send(`event: access\ndata: ${notice}\n\n`);
        if (notice === "signedOut") stop();
      });
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
      send("retry: 5000\n: open\n\n");
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" },
  });
});
