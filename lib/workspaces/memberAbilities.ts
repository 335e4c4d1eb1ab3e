import { can, type Membership } from "../access/policy";
import { ROLES, type Role } from "../access/roles";

/** What the actor may do on the members page, per member, decided by the policy on the server. */
export interface MembersAbilities {
  /** roles the actor may invite people as (empty: no invite form) */
  invitableRoles: Role[];
  /** pending invites may be revoked */
  canRevokeInvites: boolean;
  /** by user id: the roles the member may be given (their current one included) and whether they may be removed */
  members: Record<string, { grantableRoles: Role[]; canRemove: boolean; canConfirmEmail: boolean }>;
}

/**
 * The members page's abilities for `me` over `members` (`member.invite`,
 * `member.changeRole`, `member.remove`, `member.confirmEmail`, `invite.revoke`), so the page shows exactly the
 * controls the server would accept.
 */
export function membersAbilities(me: Membership, members: { userId: string; role: Role }[]): MembersAbilities {
  const ownerCount = members.filter((m) => m.role === "owner").length;
  return {
    invitableRoles: ROLES.filter((r) => can(me, "member.invite", { newRole: r })),
    canRevokeInvites: can(me, "invite.revoke"),
    members: Object.fromEntries(
      members.map((m) => {
        const subject = { targetUserId: m.userId, targetRole: m.role, ownerCount };
        return [m.userId, { grantableRoles: ROLES.filter((r) => r === m.role || can(me, "member.changeRole", { ...subject, newRole: r })), canRemove: can(me, "member.remove", subject), canConfirmEmail: can(me, "member.confirmEmail", subject) }];
      }),
    ),
  };
}
