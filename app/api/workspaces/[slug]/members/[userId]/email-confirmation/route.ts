import { route } from "@/app/_server/route";
import { confirmMemberEmail } from "@/lib/workspaces/confirmMemberEmail";
import { MemberRef } from "@/lib/workspaces/schema";

// POST /api/workspaces/:slug/members/:userId/email-confirmation — an admin confirms a member's address
export const POST = route(MemberRef, confirmMemberEmail, { params: ({ slug, userId }) => ({ slug, userId }), status: 204 });
