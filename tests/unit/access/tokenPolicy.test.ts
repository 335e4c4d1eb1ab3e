import { describe, expect, it } from "vitest";
import { ACTIONS, ACCOUNT_NEEDS, can, canOnAccount, membershipOf, RULES, TOKEN_NEEDS, tokenMayUseMethod, type AccountAction, type Action } from "@/lib/access/policy";
import { ROLES, type Role } from "@/lib/access/roles";
import { TOKEN_SCOPES, type TokenGrant, type TokenScope } from "@/lib/access/scopes";
import type { Actor } from "@/lib/context";

const person: Actor = { userId: "u1", email: "u1@example.test", name: "U" };
const withToken = (scope: TokenScope, workspaceId: string | null = null): Actor => ({ ...person, token: { tokenId: "t1", scope, workspaceId } satisfies TokenGrant });
const ADMIN_ACTIONS: Action[] = ["workspace.update", "member.invite", "member.changeRole", "invite.revoke", "template.manage", "template.import", "review.override"];
const everyone = { targetUserId: "other", targetRole: "viewer", newRole: "viewer", ownerCount: 2, isReviewer: true, documentOwnerId: "u1", authorId: "u1" } as const;

describe("what an API token may do", () => {
  it("lets a read token do exactly the reads its owner's role allows", () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        const expected = TOKEN_NEEDS[action] === "read" && can({ userId: "u1", role }, action, everyone);
        expect(can({ userId: "u1", role, scope: "read" }, action, everyone), `${role} read token: ${action}`).toBe(expected);
      }
    }
  });

  it("lets a write token do what the role allows except running the workspace", () => {
    for (const action of ADMIN_ACTIONS) expect(can({ userId: "u1", role: "owner", scope: "write" }, action, everyone), action).toBe(false);
    expect(can({ userId: "u1", role: "editor", scope: "write" }, "document.edit")).toBe(true);
    expect(can({ userId: "u1", role: "viewer", scope: "write" }, "document.edit")).toBe(false);
    expect(can({ userId: "u1", role: "viewer", scope: "write" }, "comment.create")).toBe(true);
  });

  it("never lets a token exceed its owner's role, whatever its scope", () => {
    for (const role of ROLES) {
      for (const scope of TOKEN_SCOPES) {
        for (const action of ACTIONS) {
          if (can({ userId: "u1", role, scope }, action, everyone)) expect(can({ userId: "u1", role }, action, everyone), `${role}/${scope}: ${action}`).toBe(true);
        }
      }
    }
    expect(can({ userId: "u1", role: "admin", scope: "admin" }, "member.invite", { newRole: "viewer" })).toBe(true);
    expect(can({ userId: "u1", role: "editor", scope: "admin" }, "member.invite", { newRole: "viewer" })).toBe(false);
  });

  it("keeps making tokens to a person signed in", () => {
    expect(can({ userId: "u1", role: "owner" }, "apiToken.manage")).toBe(true);
    for (const scope of TOKEN_SCOPES) expect(can({ userId: "u1", role: "owner", scope }, "apiToken.manage")).toBe(false);
    expect(RULES["apiToken.manage"]({ userId: "u1", role: "editor" })).toBe(false);
  });

  it("classes every action the admin role alone may take as an admin action or one for the person", () => {
    const adminOnly = ACTIONS.filter((a) => can({ userId: "u1", role: "admin" }, a) && !can({ userId: "u1", role: "editor" }, a) && !can({ userId: "u1", role: "viewer" }, a));
    const lenient = adminOnly.filter((a) => TOKEN_NEEDS[a] === "write");
    expect(lenient, "admin-only actions a write token could take").toEqual([]);
  });
});

describe("a token's workspace", () => {
  const row = (workspaceId: string, role: Role = "editor") => ({ userId: "u1", role, workspaceId });

  it("gives a workspace token no membership in any other workspace", () => {
    expect(membershipOf(withToken("admin", "ws-a"), row("ws-a"))).toEqual({ userId: "u1", role: "editor", scope: "admin" });
    expect(membershipOf(withToken("admin", "ws-a"), row("ws-b"))).toBeNull();
  });

  it("gives a personal token its owner's membership everywhere, with its scope", () => {
    expect(membershipOf(withToken("read"), row("ws-b", "owner"))).toEqual({ userId: "u1", role: "owner", scope: "read" });
    expect(membershipOf(person, row("ws-b", "owner"))).toEqual({ userId: "u1", role: "owner" });
  });

  it("refuses another person's row and a missing one", () => {
    expect(membershipOf(person, { userId: "u2", role: "owner", workspaceId: "ws-a" })).toBeNull();
    expect(membershipOf(person, null)).toBeNull();
  });
});

describe("the caller's own account", () => {
  const table: [AccountAction, Record<"person" | TokenScope | "workspace admin", boolean>][] = [
    ["account.view", { person: true, read: true, write: true, admin: true, "workspace admin": true }],
    ["notification.view", { person: true, read: true, write: true, admin: true, "workspace admin": false }],
    ["notification.markRead", { person: true, read: false, write: true, admin: true, "workspace admin": false }],
    ["workspace.create", { person: true, read: false, write: true, admin: true, "workspace admin": false }],
    ["account.profile", { person: true, read: false, write: true, admin: true, "workspace admin": false }],
    ["invite.accept", { person: true, read: false, write: false, admin: false, "workspace admin": false }],
    ["account.security", { person: true, read: false, write: false, admin: false, "workspace admin": false }],
  ];

  it.each(table)("%s", (action, expected) => {
    expect(canOnAccount(person, action)).toBe(expected.person);
    for (const scope of TOKEN_SCOPES) expect(canOnAccount(withToken(scope), action), scope).toBe(expected[scope]);
    expect(canOnAccount(withToken("admin", "ws-a"), action), "workspace token").toBe(expected["workspace admin"]);
  });

  it("covers every account action", () => {
    expect(table.map(([a]) => a).sort()).toEqual(Object.keys(ACCOUNT_NEEDS).sort());
  });
});

describe("request methods", () => {
  it("lets a read token only read, whatever the route", () => {
    expect(tokenMayUseMethod(withToken("read"), "GET")).toBe(true);
    expect(tokenMayUseMethod(withToken("read"), "head")).toBe(true);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(tokenMayUseMethod(withToken("read"), method)).toBe(false);
      expect(tokenMayUseMethod(withToken("write"), method)).toBe(true);
      expect(tokenMayUseMethod(person, method)).toBe(true);
    }
  });
});
