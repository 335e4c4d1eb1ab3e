import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { changePassword } from "@/lib/auth/changePassword";
import { requestPasswordReset, resetPassword } from "@/lib/auth/passwordReset";
import { isSessionLive, startSession } from "@/lib/auth/sessions";
import { signUp } from "@/lib/auth/signUp";
import { SIGN_UP_BY_INVITE } from "@/lib/auth/signUpMode";
import { hashToken } from "@/lib/util/hash";
import { sendVerificationMail, verifyEmail } from "@/lib/auth/verifyEmail";
import { verifyCredentials } from "@/lib/auth/verifyCredentials";
import { Forbidden, InvalidInput, TooManyRequests } from "@/lib/errors";
import { createDb } from "@/lib/db";
import { dropDatabase, ensureDatabase } from "@/lib/db/ensureDatabase";
import { migrateDatabase } from "@/lib/db/prismaCli";
import { flushMail, useMailTransport } from "@/lib/mail/sendMail";
import { confirmMemberEmail } from "@/lib/workspaces/confirmMemberEmail";
import { listMembers } from "@/lib/workspaces/listMembers";
import { ctxFor, makeWorkspace, testDb, unique } from "../../support/db";
import { mailbox, signUpNow } from "./support";

const password = "correct horse battery";
let box: ReturnType<typeof mailbox>;

function newEmail(prefix: string): string {
  return `${unique(prefix)}@example.test`;
}

describe("with mail configured", () => {
  beforeEach(() => {
    box = mailbox();
    useMailTransport(box);
  });
  afterEach(() => useMailTransport(undefined));

  it("answers sign-up the same for a fresh and a taken address, and mails each owner what fits", async () => {
    const taken = newEmail("taken");
    useMailTransport(null);
    await signUpNow({ name: "Owner", email: taken, password });
    useMailTransport(box);
    const fresh = newEmail("fresh");
    const usersBefore = await testDb().user.count();
    const a = await signUp(testDb(), { name: "Fresh", email: fresh, password }, "198.51.100.1");
    const b = await signUp(testDb(), { name: "Mallory", email: taken, password: "mallory-password" }, "198.51.100.1");
    expect(a).toEqual({ status: "checkEmail" });
    expect(b).toEqual(a);
    await flushMail();
    expect(box.sent.find((m) => m.to === fresh)?.subject).toContain("confirm your email to finish signing up");
    // nothing exists until the address is confirmed, so there is nothing to sign in to
    expect(await testDb().user.count()).toBe(usersBefore);
    expect(box.sent.find((m) => m.to === taken)?.subject).toContain("someone tried to sign up");
    // the taken account keeps its password
    await expect(verifyCredentials(testDb(), { email: taken, password }, "198.51.100.2")).resolves.toMatchObject({ email: taken });

    const link = box.linkTo(fresh, "/verify-email");
    // whoever merely received the mail cannot finish someone else's sign-up
    await expect(verifyEmail(testDb(), { token: link, password: "not the chosen one" })).rejects.toBeInstanceOf(InvalidInput);
    const result = await verifyEmail(testDb(), { token: link, password });
    expect(result).toMatchObject({ kind: "signedUp", workspace: { role: "owner" } });
    const user = await testDb().user.findUniqueOrThrow({ where: { email: fresh } });
    expect(user.emailVerifiedAt).not.toBeNull();
    await expect(verifyCredentials(testDb(), { email: fresh, password }, "198.51.100.3")).resolves.toMatchObject({ email: fresh });
  });

  it("verifies an address with a one-time link whose token is stored only hashed", async () => {
    useMailTransport(null);
    const { actor } = await signUpNow({ name: "Vera", email: newEmail("vera"), password });
    useMailTransport(box);
    await sendVerificationMail(ctxFor(actor));
    await flushMail();
    const token = box.linkTo(actor.email, "/verify-email");
    const row = await testDb().authToken.findFirstOrThrow({ where: { userId: actor.userId, kind: "verify_email" } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 24 * 3600 * 1000)).toBeLessThan(1000);

    await expect(verifyEmail(testDb(), { token })).resolves.toEqual({ kind: "verified", email: actor.email });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: actor.userId } })).emailVerifiedAt).not.toBeNull();
    await expect(verifyEmail(testDb(), { token })).rejects.toBeInstanceOf(InvalidInput);
    await expect(verifyEmail(testDb(), { token: "made-up-token" })).rejects.toBeInstanceOf(InvalidInput);
  });

  it("resets a password with a one-time link, answers alike for unknown addresses, and ends every session", async () => {
    useMailTransport(null);
    const { actor } = await signUpNow({ name: "Rita", email: newEmail("rita"), password });
    useMailTransport(box);
    const sid = await startSession(testDb(), { userId: actor.userId });
    await expect(requestPasswordReset(testDb(), { email: newEmail("nobody") }, "198.51.100.20")).resolves.toBeUndefined();
    await expect(requestPasswordReset(testDb(), { email: actor.email }, "198.51.100.20")).resolves.toBeUndefined();
    await flushMail();
    expect(box.sent.map((m) => m.to)).toEqual([actor.email]);
    const token = box.linkTo(actor.email, "/reset-password");
    const row = await testDb().authToken.findFirstOrThrow({ where: { userId: actor.userId, kind: "reset_password" } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 3600 * 1000)).toBeLessThan(1000);

    await resetPassword(testDb(), { token, password: "a brand new password" });
    expect(await isSessionLive(testDb(), { sub: actor.userId, sid })).toBe(false);
    await expect(verifyCredentials(testDb(), { email: actor.email, password: "a brand new password" }, "198.51.100.21")).resolves.toMatchObject({ email: actor.email });
    // opening the mailed link proved the address
    expect((await testDb().user.findUniqueOrThrow({ where: { id: actor.userId } })).emailVerifiedAt).not.toBeNull();
    await expect(resetPassword(testDb(), { token, password: "yet another password" })).rejects.toBeInstanceOf(InvalidInput);
  });

  it("refuses an expired reset link", async () => {
    useMailTransport(null);
    const { actor } = await signUpNow({ name: "Exp", email: newEmail("exp"), password });
    useMailTransport(box);
    await requestPasswordReset(testDb(), { email: actor.email }, "198.51.100.30");
    await flushMail();
    const token = box.linkTo(actor.email, "/reset-password");
    await testDb().authToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword(testDb(), { token, password: "another long one" })).rejects.toBeInstanceOf(InvalidInput);
  });

  it("mails one address at most three account mails an hour, without telling the caller", async () => {
    useMailTransport(null);
    const { actor } = await signUpNow({ name: "Bomb", email: newEmail("bomb"), password });
    useMailTransport(box);
    for (let i = 0; i < 5; i++) await requestPasswordReset(testDb(), { email: actor.email }, `198.51.${100 + i}.40`);
    await flushMail();
    expect(box.sent.filter((m) => m.to === actor.email)).toHaveLength(3);
  });
});

describe("without mail", () => {
  it("creates a sign-up at once, unverified; an invite to the same address counts as verified", async () => {
    const { actor } = await signUpNow({ name: "Una", email: newEmail("una"), password });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: actor.userId } })).emailVerifiedAt).toBeNull();
    const ws = await makeWorkspace();
    const email = newEmail("invited");
    const token = unique("invite-token");
    await testDb().invite.create({ data: { workspaceId: ws.id, email, role: "editor", tokenHash: hashToken(token), invitedById: ws.owner.userId, expiresAt: new Date(Date.now() + 3600_000) } });
    const joined = await signUpNow({ name: "Ivy", email, password, inviteToken: token });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: joined.actor.userId } })).emailVerifiedAt).not.toBeNull();
  });

  it("lets admins see and confirm a member's unverified address, and nobody else", async () => {
    const ws = await makeWorkspace(["admin", "editor", "viewer"]);
    const viewer = ws.members.viewer[0]!;
    const members = await listMembers(ctxFor(ws.owner), { slug: ws.slug });
    expect(members.find((m) => m.userId === viewer.userId)?.emailVerified).toBe(false);
    await expect(confirmMemberEmail(ctxFor(ws.members.editor[0]!), { slug: ws.slug, userId: viewer.userId })).rejects.toBeInstanceOf(Forbidden);
    await confirmMemberEmail(ctxFor(ws.members.admin[0]!), { slug: ws.slug, userId: viewer.userId });
    const after = await listMembers(ctxFor(ws.owner), { slug: ws.slug });
    expect(after.find((m) => m.userId === viewer.userId)?.emailVerified).toBe(true);
  });

  it("changes a password only with the current one, ending the other sessions", async () => {
    const { actor } = await signUpNow({ name: "Carl", email: newEmail("carl"), password });
    const here = await startSession(testDb(), { userId: actor.userId });
    const there = await startSession(testDb(), { userId: actor.userId });
    const ctx = { ...ctxFor(actor), db: testDb() };
    await expect(changePassword(ctx, { currentPassword: "not it", newPassword: "new password 123" }, here)).rejects.toBeInstanceOf(InvalidInput);
    await changePassword(ctx, { currentPassword: password, newPassword: "new password 123" }, here);
    expect(await isSessionLive(testDb(), { sub: actor.userId, sid: here })).toBe(true);
    expect(await isSessionLive(testDb(), { sub: actor.userId, sid: there })).toBe(false);
    await expect(verifyCredentials(testDb(), { email: actor.email, password: "new password 123" }, "198.51.100.50")).resolves.toMatchObject({ email: actor.email });
    for (let i = 0; i < 3; i++) await changePassword(ctx, { currentPassword: "wrong", newPassword: "new password 456" }, here).catch(() => undefined);
    await expect(changePassword(ctx, { currentPassword: "new password 123", newPassword: "new password 456" }, here)).rejects.toBeInstanceOf(TooManyRequests);
  });
});

describe("sign-up by invitation (SIGNUP=invite)", () => {
  beforeEach(() => {
    process.env.SIGNUP = "invite";
  });
  afterEach(() => {
    process.env.SIGNUP = "open";
  });

  it("answers a fresh and a taken address the same, creates nothing, and still lets an invited address in", async () => {
    const taken = newEmail("taken");
    process.env.SIGNUP = "open";
    await signUpNow({ name: "Tess", email: taken, password });
    process.env.SIGNUP = "invite";
    const fresh = newEmail("fresh");
    const memberships = await testDb().membership.count({ where: { user: { email: taken } } });
    const answers = await Promise.all([fresh, taken].map((email) => signUp(testDb(), { name: "Someone", email, password }).catch((e: unknown) => e)));
    for (const answer of answers) {
      expect(answer).toBeInstanceOf(Forbidden);
      expect((answer as Forbidden).message).toBe(SIGN_UP_BY_INVITE);
    }
    expect(await testDb().user.findUnique({ where: { email: fresh } })).toBeNull();
    expect(await testDb().membership.count({ where: { user: { email: taken } } })).toBe(memberships);

    const ws = await makeWorkspace();
    const email = newEmail("invited");
    const token = unique("invite-token");
    await testDb().invite.create({ data: { workspaceId: ws.id, email, role: "editor", tokenHash: hashToken(token), invitedById: ws.owner.userId, expiresAt: new Date(Date.now() + 3600_000) } });
    // an invite for another address does not open sign-up
    await expect(signUp(testDb(), { name: "Mallory", email: newEmail("other"), password, inviteToken: token })).rejects.toBeInstanceOf(Forbidden);
    const joined = await signUpNow({ name: "Ivy", email, password, inviteToken: token });
    expect(joined.workspace.slug).toBe(ws.slug);
  });

  it("counts any value but open as by invitation, so a typo never opens sign-up", async () => {
    process.env.SIGNUP = "invte";
    await expect(signUp(testDb(), { name: "Someone", email: newEmail("typo"), password })).rejects.toBeInstanceOf(Forbidden);
    process.env.SIGNUP = "open";
    expect((await signUp(testDb(), { name: "Someone", email: newEmail("open"), password })).status).toBe("created");
  });
});

describe("sign-up when SIGNUP is not set", () => {
  beforeEach(() => {
    delete process.env.SIGNUP;
  });
  afterEach(() => {
    process.env.SIGNUP = "open";
    useMailTransport(undefined);
  });

  it("without mail, answers a fresh and a taken address the same once the site has accounts", async () => {
    const taken = newEmail("taken");
    process.env.SIGNUP = "open";
    await signUpNow({ name: "Tess", email: taken, password });
    delete process.env.SIGNUP;
    const fresh = newEmail("fresh");
    const answers = await Promise.all([fresh, taken].map((email) => signUp(testDb(), { name: "Someone", email, password }).catch((e: unknown) => e)));
    for (const answer of answers) {
      expect(answer).toBeInstanceOf(Forbidden);
      expect((answer as Forbidden).message).toBe(SIGN_UP_BY_INVITE);
    }
    expect(await testDb().user.findUnique({ where: { email: fresh } })).toBeNull();
  });

  it("with mail, stays open: a fresh address gets the link that creates the account", async () => {
    const box = mailbox();
    useMailTransport(box);
    const fresh = newEmail("fresh");
    expect(await signUp(testDb(), { name: "Fresh", email: fresh, password })).toEqual({ status: "checkEmail" });
    await flushMail();
    expect(box.sent.find((m) => m.to === fresh)?.subject).toContain("confirm your email to finish signing up");
  });

  describe("on a new site", () => {
    const name = `specwright_site_${randomBytes(4).toString("hex")}`;
    let site: ReturnType<typeof createDb> | undefined;
    afterAll(async () => {
      await site?.$disconnect();
      await dropDatabase(inject("serverUrl"), name);
    });

    it("lets the first person sign up without mail, then only by invitation", async () => {
      const url = await ensureDatabase(inject("serverUrl"), name);
      await migrateDatabase(url);
      site = createDb(url);
      const first = await signUp(site, { name: "Fiona First", email: newEmail("first"), password });
      expect(first.status).toBe("created");
      await expect(signUp(site, { name: "Second", email: newEmail("second"), password })).rejects.toThrow(SIGN_UP_BY_INVITE);
      expect(await site.user.count()).toBe(1);
    }, 60_000);
  });
});
