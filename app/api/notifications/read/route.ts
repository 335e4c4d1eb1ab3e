import { route } from "@/app/_server/route";
import { markRead, MarkReadInput } from "@/lib/notifications/inbox";

// POST /api/notifications/read — { ids } or { all: true }
export const POST = route(MarkReadInput, markRead, { status: 200 });
