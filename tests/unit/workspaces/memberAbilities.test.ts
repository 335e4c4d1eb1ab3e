import { describe, expect, it } from "vitest";
import { membersAbilities } from "@/lib/workspaces/memberAbilities";

const members = [
  { userId: "owner", role: "owner" as const },
  { userId: "admin", role: "admin" as const },
  { userId: "editor", role: "editor" as const },
];

describe("members page abilities", () => {
  it("lets an admin invite and manage editors and viewers, not admins or owners", () => {
    const a = membersAbilities({ userId: "admin", role: "admin" }, members);
    expect(a.invitableRoles).toEqual(["editor", "viewer"]);
    expect(a.canRevokeInvites).toBe(true);
    expect(a.members.editor).toEqual({ grantableRoles: ["editor", "viewer"], canRemove: true, canConfirmEmail: true });
    expect(a.members.owner).toEqual({ grantableRoles: ["owner"], canRemove: false, canConfirmEmail: false });
    // leaving is always allowed, changing one's own role never
    expect(a.members.admin).toEqual({ grantableRoles: ["admin"], canRemove: true, canConfirmEmail: false });
  });

  it("keeps the last owner: not removable, not demotable, even by an owner", () => {
    const o = membersAbilities({ userId: "owner", role: "owner" }, members);
    expect(o.members.owner).toEqual({ grantableRoles: ["owner"], canRemove: false, canConfirmEmail: false });
    expect(o.members.admin!.canConfirmEmail).toBe(true);
    expect(o.members.admin!.grantableRoles).toEqual(["owner", "admin", "editor", "viewer"]);
  });

  it("gives an editor nothing to manage", () => {
    const e = membersAbilities({ userId: "editor", role: "editor" }, members);
    expect(e.invitableRoles).toEqual([]);
    expect(e.canRevokeInvites).toBe(false);
    expect(e.members.admin).toEqual({ grantableRoles: ["admin"], canRemove: false, canConfirmEmail: false });
  });
});
