import { NextResponse } from "next/server";
import { BodyRejected, readLimitedBytes } from "@/app/_server/limitedBody";
import { errorResponse, toErrorResponse } from "@/app/_server/route";
import { withInput } from "@/app/_server/routeInput";
import { getDb } from "@/lib/db";
import { HookPayload, MAX_HOOK_BYTES, receiveHook } from "@/lib/gitSync/hook";
import { requestLogger } from "@/lib/observability/logger";
import { CLIENT_IP_HEADER } from "@/lib/observability/requestId";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

// POST /api/workspaces/:slug/git-sync/:connectionId/hook — a Git host's push hook (GitHub: X-Hub-Signature-256; GitLab: X-Gitlab-Token).
// No session or API token: the request proves itself with the connection's hook secret. It only marks the connection due (202).
export const POST = withInput(
  async (req: Request, context: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? undefined;
    try {
      const params = await context.params;
      const body = await readLimitedBytes(req, MAX_HOOK_BYTES, "The hook's body is too large.");
      const outcome = await receiveHook(
        getDb(),
        {
          slug: one(params.slug),
          connectionId: one(params.connectionId),
          headers: {
            signature: req.headers.get("x-hub-signature-256") ?? undefined,
            gitlabToken: req.headers.get("x-gitlab-token") ?? undefined,
            event: req.headers.get("x-github-event") ?? req.headers.get("x-gitlab-event") ?? undefined,
          },
          body,
          ip: req.headers.get(CLIENT_IP_HEADER) ?? undefined,
        },
        requestLogger(requestId),
      );
      return NextResponse.json(outcome, { status: 202 });
    } catch (error) {
      if (error instanceof BodyRejected) return errorResponse(error.status, error.message, requestId);
      return toErrorResponse(error, requestId);
    }
  },
  { schema: HookPayload, body: "json", auth: "gitHookSignature" },
);
