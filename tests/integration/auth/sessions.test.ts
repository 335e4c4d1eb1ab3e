import { describe, expect, it } from "vitest";
import { onAccessChange, type AccessChange } from "@/lib/access/accessEvents";
import { listSessions } from "@/lib/auth/listSessions";
import { revokeOtherSessions, revokeSession, signOutSession } from "@/lib/auth/revokeSessions";
import { findLiveSession, isSessionLive, startSession, touchSession } from "@/lib/auth/sessions";
import { NotFound } from "@/lib/errors";
import { ctxFor, makeUser, testDb } from "../../support/db";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

function recordChanges(): { changes: AccessChange[]; stop: () => void } {
  const changes: AccessChange[] = [];
  const stop = onAccessChange((c) => changes.push(c));
  return { changes, stop };
}

describe("sessions", () => {
  it("is live after sign-in and no longer after signing out, and says so to sockets", async () => {
    const user = await makeUser();
    const sid = await startSession(testDb(), { userId: user.userId, userAgent: FIREFOX, ip: "198.51.100.7" });
    expect(await isSessionLive(testDb(), { sub: user.userId, sid })).toBe(true);
    const { changes, stop } = recordChanges();
    expect(await revokeSession(testDb(), user.userId, sid)).toBe(true);
    stop();
    expect(await isSessionLive(testDb(), { sub: user.userId, sid })).toBe(false);
    expect(changes).toEqual([{ kind: "session", userId: user.userId, sessionId: sid }]);
  });

  it("refuses a cookie without a session id, with an unknown one, or with another user's", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const sid = await startSession(testDb(), { userId: other.userId });
    expect(await isSessionLive(testDb(), { sub: user.userId })).toBe(false);
    expect(await isSessionLive(testDb(), { sub: user.userId, sid: "nope" })).toBe(false);
    expect(await isSessionLive(testDb(), { sub: user.userId, sid })).toBe(false);
    expect(await isSessionLive(testDb(), { sub: other.userId, sid })).toBe(true);
  });

  it("signs out everywhere else, keeping this device's session", async () => {
    const user = await makeUser();
    const here = await startSession(testDb(), { userId: user.userId, userAgent: FIREFOX });
    const phone = await startSession(testDb(), { userId: user.userId, userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1" });
    const { changes, stop } = recordChanges();
    expect(await revokeOtherSessions(testDb(), user.userId, here)).toBe(1);
    stop();
    expect(await isSessionLive(testDb(), { sub: user.userId, sid: here })).toBe(true);
    expect(await isSessionLive(testDb(), { sub: user.userId, sid: phone })).toBe(false);
    expect(changes).toEqual([{ kind: "user", userId: user.userId }]);
  });

  it("lists live sessions with device and marks this one; a person can end only their own", async () => {
    const user = await makeUser();
    const stranger = await makeUser();
    const here = await startSession(testDb(), { userId: user.userId, userAgent: FIREFOX, ip: "198.51.100.7" });
    const old = await startSession(testDb(), { userId: user.userId });
    await revokeSession(testDb(), user.userId, old);
    const sessions = await listSessions(ctxFor(user), here);
    expect(sessions).toEqual([expect.objectContaining({ id: here, device: "Firefox on Linux", ip: "198.51.100.7", current: true })]);
    await expect(signOutSession({ ...ctxFor(stranger), db: testDb() }, { sessionId: here })).rejects.toBeInstanceOf(NotFound);
    expect(await isSessionLive(testDb(), { sub: user.userId, sid: here })).toBe(true);
  });

  it("writes last-seen at most once a minute", async () => {
    const user = await makeUser();
    const sid = await startSession(testDb(), { userId: user.userId });
    const live = (await findLiveSession(testDb(), { sub: user.userId, sid }))!;
    await touchSession(testDb(), live, "198.51.100.8");
    expect((await testDb().userSession.findUniqueOrThrow({ where: { id: sid } })).ip).toBe("");
    const minuteAgo = new Date(Date.now() - 61_000);
    await testDb().userSession.update({ where: { id: sid }, data: { lastSeenAt: minuteAgo } });
    await touchSession(testDb(), { id: sid, lastSeenAt: minuteAgo }, "198.51.100.8");
    const row = await testDb().userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.ip).toBe("198.51.100.8");
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(minuteAgo.getTime());
  });
});
