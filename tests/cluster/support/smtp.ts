// A tiny SMTP server that keeps every message it is sent, for tests of outgoing mail. It
// holds its answer to a message whose subject contains HOLD_MARK for a while, so that a
// second sender racing the first one has time to send the same mail too.
import net from "node:net";

export interface CapturedMail {
  from: string;
  to: string[];
  data: string;
  subject: string;
}

export interface SmtpCapture {
  port: number;
  mails: CapturedMail[];
  close(): Promise<void>;
}

const ANSWERS: Record<string, string> = {
  EHLO: "250 localhost",
  HELO: "250 localhost",
  MAIL: "250 2.1.0 ok",
  RCPT: "250 2.1.5 ok",
  DATA: "354 end with <CRLF>.<CRLF>",
  QUIT: "221 bye",
};

/** The message with a quoted-printable body decoded (nodemailer encodes long lines so). */
function decode(data: string): string {
  if (!/content-transfer-encoding: quoted-printable/i.test(data)) return data;
  return data.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export const HOLD_MARK = "[hold]";
/** How often the cluster's processes poll the outbox (MAIL_POLL_SECONDS). */
export const MAIL_POLL_SECONDS = 2;
/** How long the capture holds its answer to a mail marked HOLD_MARK: longer than the outbox poll, so every process has a go at a mail being sent. */
export const SMTP_HOLD_MS = 3_000;

export async function startSmtpCapture(options: { port?: number; holdMs?: number } = {}): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer = "";
    let inData = false;
    let current: { from: string; to: string[] } = { from: "", to: [] };
    const reply = (line: string) => socket.writable && socket.write(`${line}\r\n`);
    reply("220 localhost capture");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const data = decode(buffer.slice(0, end).replace(/^\.\./gm, "."));
          buffer = buffer.slice(end + 5);
          inData = false;
          const subject = /^Subject: (.*)$/im.exec(data)?.[1]?.trim() ?? "";
          const mail = { ...current, data, subject };
          current = { from: "", to: [] };
          setTimeout(() => {
            mails.push(mail);
            reply("250 2.0.0 queued");
          }, subject.includes(HOLD_MARK) ? (options.holdMs ?? 0) : 0);
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "MAIL") current.from = line.slice(10).trim();
        if (verb === "RCPT") current.to.push(line.slice(8).trim());
        if (verb === "DATA") inData = true;
        reply(ANSWERS[verb] ?? "250 ok");
        if (verb === "QUIT") socket.end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("SMTP capture has no port");
  return {
    port: address.port,
    mails,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
