import { route } from "@/app/_server/route";
import { decisionLog, DecisionLogInput } from "@/lib/documents/decisionLog";

// GET /api/workspaces/:slug/decisions?status=&template=&owner=&reviewer=&field=&value= — the decision log: every document in number order with its status, approvers, decision date and what superseded what
export const GET = route(DecisionLogInput, decisionLog, { params: ({ slug }) => ({ slug }) });
