import type { Transporter } from "nodemailer";
import type { Db } from "../db";

const BATCH = 50;
const MAX_AGE_MS = 24 * 3600 * 1000;

/**
 * Mails notifications not mailed yet (the Notification table is the outbox), at most a
 * day old, through `transport`; marks each one mailed. Returns how many were sent. A
 * failed send is left for the next run.
 */
export async function deliverPendingMail(db: Db, transport: Transporter, options: { from: string; baseUrl: string }): Promise<number> {
  const pending = await db.notification.findMany({
    where: { mailedAt: null, createdAt: { gt: new Date(Date.now() - MAX_AGE_MS) } },
    include: { user: true },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  let sent = 0;
  for (const n of pending) {
    try {
      await transport.sendMail({ from: options.from, to: n.user.email, subject: `Specwright: ${n.text.slice(0, 90)}`, text: `${n.text}\n\n${options.baseUrl}${n.url}` });
      await db.notification.update({ where: { id: n.id }, data: { mailedAt: new Date() } });
      sent++;
    } catch {
      // the next run retries it
    }
  }
  return sent;
}
