import { z } from "zod";
import { route } from "@/app/_server/route";
import { listNotifications } from "@/lib/notifications/inbox";

// GET /api/notifications — the caller's inbox and unread count
export const GET = route(z.object({}), (ctx) => listNotifications(ctx));
