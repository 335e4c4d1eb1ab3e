import { z } from "zod";
import { ROLES } from "../access/roles";
import { Email } from "../auth/schema";

export const RoleInput = z.enum(ROLES, { message: `Role must be one of ${ROLES.join(", ")}.` });
export const Slug = z.string().trim().min(1).max(64).regex(/^[a-z0-9-]+$/, "Invalid workspace.");
export const Id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Invalid id.");

export const CreateWorkspaceInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(80, "Use at most 80 characters."),
});
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceInput>;

export const InviteMemberInput = z.object({
  slug: Slug,
  email: Email,
  role: RoleInput.default("editor"),
  /** origin the invite link points at, e.g. https://specwright.example.com */
  baseUrl: z.url().optional(),
});
export type InviteMemberInput = z.input<typeof InviteMemberInput>;

export const ChangeRoleInput = z.object({ slug: Slug, userId: Id, role: RoleInput });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const MemberRef = z.object({ slug: Slug, userId: Id });
export type MemberRef = z.infer<typeof MemberRef>;

export const InviteRef = z.object({ slug: Slug, inviteId: Id });
export type InviteRef = z.infer<typeof InviteRef>;

export const WorkspaceRef = z.object({ slug: Slug });
export type WorkspaceRef = z.infer<typeof WorkspaceRef>;

export const InviteToken = z.object({ token: z.string().trim().min(10).max(200) });
export type InviteToken = z.infer<typeof InviteToken>;
