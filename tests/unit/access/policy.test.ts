import { describe, expect, it } from "vitest";
import { ACTIONS, abilitiesFor, authorize, can, documentAbilities, hookMay, type Action, type Subject } from "@/lib/access/policy";
import type { Role } from "@/lib/access/roles";
import { Forbidden } from "@/lib/errors";

const ME = "me";
const OTHER = "other";

// [action, subject, { owner, admin, editor, viewer }]
const TABLE: [Action, Subject, Record<Role, boolean>][] = [
  ["workspace.view", {}, { owner: true, admin: true, editor: true, viewer: true }],
  ["workspace.update", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["workspace.delete", {}, { owner: true, admin: false, editor: false, viewer: false }],
  ["member.list", {}, { owner: true, admin: true, editor: true, viewer: true }],
  ["member.invite", { newRole: "viewer" }, { owner: true, admin: true, editor: false, viewer: false }],
  ["member.invite", { newRole: "editor" }, { owner: true, admin: true, editor: false, viewer: false }],
  ["member.invite", { newRole: "admin" }, { owner: true, admin: false, editor: false, viewer: false }],
  ["member.invite", { newRole: "owner" }, { owner: true, admin: false, editor: false, viewer: false }],
  ["member.changeRole", { targetUserId: OTHER, targetRole: "editor", newRole: "viewer" }, { owner: true, admin: true, editor: false, viewer: false }],
  ["member.changeRole", { targetUserId: OTHER, targetRole: "viewer", newRole: "admin" }, { owner: true, admin: false, editor: false, viewer: false }],
  ["member.changeRole", { targetUserId: OTHER, targetRole: "admin", newRole: "editor" }, { owner: true, admin: false, editor: false, viewer: false }],
  ["member.changeRole", { targetUserId: OTHER, targetRole: "owner", newRole: "admin", ownerCount: 2 }, { owner: true, admin: false, editor: false, viewer: false }],
  ["member.changeRole", { targetUserId: OTHER, targetRole: "owner", newRole: "admin", ownerCount: 1 }, { owner: false, admin: false, editor: false, viewer: false }],
  ["member.changeRole", { targetUserId: ME, targetRole: "editor", newRole: "viewer" }, { owner: false, admin: false, editor: false, viewer: false }],
  ["member.remove", { targetUserId: OTHER, targetRole: "viewer" }, { owner: true, admin: true, editor: false, viewer: false }],
  ["member.remove", { targetUserId: OTHER, targetRole: "admin" }, { owner: true, admin: false, editor: false, viewer: false }],
  ["member.remove", { targetUserId: OTHER, targetRole: "owner", ownerCount: 2 }, { owner: true, admin: false, editor: false, viewer: false }],
  ["member.remove", { targetUserId: ME, targetRole: "viewer" }, { owner: true, admin: true, editor: true, viewer: true }],
  ["member.remove", { targetUserId: ME, targetRole: "owner", ownerCount: 1 }, { owner: false, admin: false, editor: false, viewer: false }],
  ["member.confirmEmail", { targetUserId: OTHER, targetRole: "viewer" }, { owner: true, admin: true, editor: false, viewer: false }],
  ["member.confirmEmail", { targetUserId: OTHER, targetRole: "admin" }, { owner: true, admin: false, editor: false, viewer: false }],
  ["member.confirmEmail", { targetUserId: ME, targetRole: "owner" }, { owner: false, admin: false, editor: false, viewer: false }],
  ["invite.list", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["invite.revoke", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["activity.view", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["webhook.manage", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["gitSync.manage", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["document.view", {}, { owner: true, admin: true, editor: true, viewer: true }],
  ["document.create", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["document.edit", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["document.suggest", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["document.suggest", { isReviewer: true }, { owner: true, admin: true, editor: true, viewer: true }],
  ["suggestion.resolve", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["suggestion.resolve", { isReviewer: true }, { owner: true, admin: true, editor: true, viewer: false }],
  ["document.delete", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["template.manage", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["template.import", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["document.export", {}, { owner: true, admin: true, editor: true, viewer: true }],
  ["document.import", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["workspace.export", {}, { owner: true, admin: true, editor: true, viewer: true }],
  ["image.upload", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["image.view", {}, { owner: true, admin: true, editor: true, viewer: true }],
  ["version.view", {}, { owner: true, admin: true, editor: true, viewer: true }],
  ["version.create", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["version.restore", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["comment.create", {}, { owner: true, admin: true, editor: true, viewer: true }],
  ["comment.resolve", { authorId: OTHER }, { owner: true, admin: true, editor: true, viewer: false }],
  ["comment.resolve", { authorId: ME }, { owner: true, admin: true, editor: true, viewer: true }],
  ["comment.resolve", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["review.assign", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["review.editRoles", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["review.submit", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["review.overrideGate", { documentOwnerId: OTHER }, { owner: true, admin: true, editor: false, viewer: false }],
  ["review.overrideGate", { documentOwnerId: ME }, { owner: true, admin: true, editor: true, viewer: false }],
  ["review.overrideGate", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["review.decide", { isReviewer: true }, { owner: true, admin: true, editor: true, viewer: true }],
  ["review.decide", { isReviewer: false }, { owner: false, admin: false, editor: false, viewer: false }],
  ["review.decide", {}, { owner: false, admin: false, editor: false, viewer: false }],
  ["review.changeStatus", {}, { owner: true, admin: true, editor: true, viewer: false }],
  ["review.override", {}, { owner: true, admin: true, editor: false, viewer: false }],
  ["apiToken.manage", {}, { owner: true, admin: true, editor: false, viewer: false }],
];

describe("policy", () => {
  for (const [action, subject, expected] of TABLE) {
    for (const role of Object.keys(expected) as Role[]) {
      // the "self" rows make the actor the target; its role then is the target role
      const actingRole = subject.targetUserId === ME && subject.targetRole ? subject.targetRole : role;
      if (actingRole !== role) continue;
      it(`${role} ${expected[role] ? "may" : "may not"} ${action} ${JSON.stringify(subject)}`, () => {
        expect(can({ userId: ME, role }, action, subject)).toBe(expected[role]);
      });
    }
  }

  it("has a row for every action", () => {
    const covered = new Set(TABLE.map(([action]) => action));
    expect(ACTIONS.filter((a) => !covered.has(a))).toEqual([]);
  });

  it("denies everything to someone who is not a member", () => {
    for (const action of ACTIONS) expect(can(null, action, { newRole: "viewer" })).toBe(false);
  });

  it("authorize throws Forbidden where can says no", () => {
    expect(() => authorize({ userId: ME, role: "viewer" }, "document.edit")).toThrow(Forbidden);
    expect(() => authorize({ userId: ME, role: "editor" }, "document.edit")).not.toThrow();
  });

  it("abilitiesFor answers the subject-free questions", () => {
    const viewer = abilitiesFor({ userId: ME, role: "viewer" });
    expect(viewer["document.view"]).toBe(true);
    expect(viewer["document.create"]).toBe(false);
    expect(abilitiesFor({ userId: ME, role: "admin" })["member.invite"]).toBe(false); // needs a role to grant
  });

  it("documentAbilities answers with the document's owner as the subject", () => {
    expect(documentAbilities({ userId: ME, role: "editor" }, { ownerId: ME })["review.overrideGate"]).toBe(true);
    expect(documentAbilities({ userId: ME, role: "editor" }, { ownerId: OTHER })["review.overrideGate"]).toBe(false);
    expect(documentAbilities({ userId: ME, role: "viewer" }, { ownerId: ME })["activity.view"]).toBe(false);
  });

  it("lets a push hook that proved its connection's secret ask for that connection's sync only", () => {
    const connection = { id: "g1" };
    expect(hookMay({ connectionId: "g1", verified: true }, "gitSync.hookSync", connection)).toBe(true);
    expect(hookMay({ connectionId: "g1", verified: false }, "gitSync.hookSync", connection)).toBe(false);
    expect(hookMay({ connectionId: "g2", verified: true }, "gitSync.hookSync", connection)).toBe(false);
  });
});
