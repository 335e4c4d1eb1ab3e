import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { deliverPendingMail } from "@/lib/notifications/deliverMail";
import { notify } from "@/lib/notifications/notify";
import { makeWorkspace, testDb } from "../../support/db";

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
      if ((await deliverPendingMail(testDb(), capture, { from: "Specwright <s@example.test>", baseUrl: "https://specwright.example" })) === 0) break;
    }
    expect(mine()).toEqual([expect.objectContaining({ to: editor.email, text: "Please review “Ledger”.\n\nhttps://specwright.example/w/x/d/y" })]);
    await deliverPendingMail(testDb(), capture, { from: "x", baseUrl: "" });
    expect(mine()).toHaveLength(1);
  });
});
