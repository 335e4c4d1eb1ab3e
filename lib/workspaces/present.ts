import type { Role } from "../access/roles";

export interface WorkspaceDto {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

export interface MemberDto {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
  /** the member proved they receive mail at `email` */
  emailVerified: boolean;
  /** the colour they chose to be shown in, null for the one derived from their id */
  color: string | null;
}

export interface InviteDto {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  /**
   * path of the accept link, e.g. /invite/abc…: only in the answer that created the invite
   * (the token is stored hashed, so a pending invite's link cannot be shown again)
   */
  path?: string;
}

export function presentWorkspace(w: { id: string; slug: string; name: string }, role: Role): WorkspaceDto {
  return { id: w.id, slug: w.slug, name: w.name, role };
}

export function presentMember(m: { userId: string; role: Role; createdAt: Date; user: { name: string; email: string; emailVerifiedAt: Date | null; color: string | null } }): MemberDto {
  return { userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt.toISOString(), emailVerified: m.user.emailVerifiedAt !== null, color: m.user.color };
}

export function invitePath(token: string): string {
  return `/invite/${token}`;
}

export function presentInvite(
  i: {
    id: string;
    email: string;
    role: Role;
    createdAt: Date;
    expiresAt: Date;
    invitedBy: { name: string };
  },
  token?: string,
): InviteDto {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    invitedBy: i.invitedBy.name,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    ...(token ? { path: invitePath(token) } : {}),
  };
}
