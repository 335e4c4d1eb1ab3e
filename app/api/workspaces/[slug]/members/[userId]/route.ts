import { route } from "@/app/_server/route";
import { changeRole, removeMember } from "@/lib/workspaces/manageMembers";
import { ChangeRoleInput, MemberRef } from "@/lib/workspaces/schema";

const params = ({ slug, userId }: Record<string, unknown>) => ({ slug, userId });
// PATCH /api/workspaces/:slug/members/:userId — { role }
export const PATCH = route(ChangeRoleInput, changeRole, { params });
// DELETE /api/workspaces/:slug/members/:userId — remove a member (or leave)
export const DELETE = route(MemberRef, removeMember, { params });
