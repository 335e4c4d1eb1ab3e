import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import type { Mail } from "@/lib/mail/sendMail";
import { deliverPendingMail, MAX_MAIL_ATTEMPTS, mailRetryDelayMs } from "@/lib/notifications/deliverMail";
import { notify } from "@/lib/notifications/notify";
import { makeWorkspace, testDb } from "../../support/db";

const OPTIONS = { from: "Specwright <s@example.test>", baseUrl: "https://specwright.example" };

/** A transport that keeps what it is handed; it yields once per mail so parallel deliverers interleave. */
function capturing() {
  const sent: Mail[] = [];
  return { sent, sendMail: async (mail: Mail & { from: string }) => { await new Promise((resolve) => setImmediate(resolve)); sent.push(mail); return { messageId: "m" }; } };
}

const failing = { sendMail: async () => { throw new Error("connect ECONNREFUSED 127.0.0.1:25"); } };

/** A logger that keeps its lines. */
function lines() {
  const logged: { level: "warn" | "error"; obj: Record<string, unknown>; msg: string }[] = [];
  return { logged, warn: (obj: object, msg: string) => void logged.push({ level: "warn", obj: obj as Record<string, unknown>, msg }), error: (obj: object, msg: string) => void logged.push({ level: "error", obj: obj as Record<string, unknown>, msg }) };
}

async function queue(text: string) {
  const ws = await makeWorkspace(["editor"]);
  const editor = ws.members.editor[0]!;
  await notify(testDb(), { userIds: [editor.userId], actorId: ws.owner.userId, workspaceId: ws.id, kind: "review.requested", text, url: "/w/x/d/y" });
  const row = await testDb().notification.findFirstOrThrow({ where: { userId: editor.userId } });
  return { editor, row };
}

describe("notification mail", () => {
  it("mails each pending notification once, to its recipient, with a link", async () => {
    const ws = await makeWorkspace(["editor"]);
    const editor = ws.members.editor[0]!;
    await notify(testDb(), { userIds: [editor.userId, ws.owner.userId], actorId: ws.owner.userId, workspaceId: ws.id, kind: "review.requested", text: "Please review “Ledger”.", url: "/w/x/d/y" });

    const sent: { to: string; text: string }[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const capture = { ...transport, sendMail: async (mail: { to: string; text: string }) => { sent.push(mail); return { messageId: "m" }; } } as unknown as typeof transport;

    // other tests share the outbox: look only at this workspace's people
    const mine = () => sent.filter((m) => m.to === editor.email || m.to === ws.owner.email);
    // batches of 50: drain whatever other tests queued before ours
    for (let i = 0; i < 20 && !mine().length; i++) {
      if ((await deliverPendingMail(testDb(), capture, OPTIONS)) === 0) break;
    }
    expect(mine()).toEqual([expect.objectContaining({ to: editor.email, text: "Please review “Ledger”.\n\nhttps://specwright.example/w/x/d/y" })]);
    await deliverPendingMail(testDb(), capture, { from: "x", baseUrl: "" });
    expect(mine()).toHaveLength(1);
  });

  it("sends each queued mail exactly once when three processes deliver at the same time", async () => {
    const ws = await makeWorkspace(["editor", "editor", "editor"]);
    const people = ws.members.editor;
    const texts = Array.from({ length: 40 }, (_, i) => `Mail ${i} of the parallel run`);
    for (const text of texts) await notify(testDb(), { userIds: people.map((p) => p.userId), actorId: ws.owner.userId, workspaceId: ws.id, kind: "mention", text, url: "/w/x/d/y" });

    const deliverers = [capturing(), capturing(), capturing()];
    await Promise.all(deliverers.map(async (transport) => {
      while ((await deliverPendingMail(testDb(), transport, OPTIONS)) > 0);
    }));

    const emails = new Set(people.map((p) => p.email));
    const mine = deliverers.flatMap((d) => d.sent).filter((m) => emails.has(m.to)).map((m) => `${m.to} ${m.text.split("\n")[0]}`);
    expect(mine).toHaveLength(texts.length * people.length);
    expect(new Set(mine).size).toBe(texts.length * people.length);
    // the work was shared, not done three times
    expect(deliverers.filter((d) => d.sent.some((m) => emails.has(m.to))).length).toBeGreaterThan(1);
    expect(await testDb().notification.count({ where: { workspaceId: ws.id, mailedAt: null } })).toBe(0);
  });

  it("keeps a mail the transport refused, logs it and sends it once after the backoff", async () => {
    const { editor, row } = await queue("Retry me");
    const log = lines();
    const now = new Date();

    await deliverPendingMail(testDb(), failing, { ...OPTIONS, log, now });
    const failed = await testDb().notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ mailedAt: null, mailAttempts: 1, mailLastError: "connect ECONNREFUSED 127.0.0.1:25" });
    expect(failed.mailNextAttemptAt!.getTime()).toBe(now.getTime() + mailRetryDelayMs(1));
    expect(log.logged).toContainEqual({ level: "warn", obj: expect.objectContaining({ notificationId: row.id, attempts: 1, nextAttemptAt: failed.mailNextAttemptAt }), msg: "mailing a notification failed; will retry" });

    // not before its time
    const early = capturing();
    await deliverPendingMail(testDb(), early, { ...OPTIONS, now: new Date(now.getTime() + 1000) });
    expect(early.sent.filter((m) => m.to === editor.email)).toEqual([]);

    const later = capturing();
    const due = new Date(now.getTime() + mailRetryDelayMs(1) + 1000);
    await deliverPendingMail(testDb(), later, { ...OPTIONS, now: due });
    await deliverPendingMail(testDb(), later, { ...OPTIONS, now: due });
    expect(later.sent.filter((m) => m.to === editor.email).map((m) => m.text)).toEqual(["Retry me\n\nhttps://specwright.example/w/x/d/y"]);
    expect(await testDb().notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ mailAttempts: 2, mailNextAttemptAt: null, mailLastError: null, mailedAt: expect.any(Date) });
  });

  it(`gives up after ${MAX_MAIL_ATTEMPTS} failed sends with a log line, and leaves the notification in the inbox`, async () => {
    const { row } = await queue("Never deliverable");
    const log = lines();
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      await deliverPendingMail(testDb(), failing, { ...OPTIONS, log, now });
      now = new Date(now.getTime() + mailRetryDelayMs(attempt) + 1000);
    }
    const mine = log.logged.filter((l) => l.obj.notificationId === row.id);
    expect(mine.map((l) => l.level)).toEqual([...Array<string>(MAX_MAIL_ATTEMPTS - 1).fill("warn"), "error"]);
    expect(mine.at(-1)).toMatchObject({ msg: "gave up mailing a notification", obj: { attempts: MAX_MAIL_ATTEMPTS } });

    const later = capturing();
    await deliverPendingMail(testDb(), later, { ...OPTIONS, now });
    expect(await testDb().notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ mailedAt: null, readAt: null, mailAttempts: MAX_MAIL_ATTEMPTS, mailNextAttemptAt: null });
  });
});
