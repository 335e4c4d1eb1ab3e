import { afterEach, describe, expect, it } from "vitest";
import { flushMail, queueMail, useMailTransport, type Mail } from "@/lib/mail/sendMail";

afterEach(() => useMailTransport(undefined));

/** A transport that refuses its first `failures` mails, then keeps what it is handed. */
function flaky(failures: number) {
  const sent: Mail[] = [];
  let tries = 0;
  return {
    sent,
    tries: () => tries,
    sendMail: async (mail: Mail & { from: string }) => {
      tries++;
      if (tries <= failures) throw new Error("421 try again later");
      sent.push(mail);
    },
  };
}

const MAIL = { to: "ada@example.test", subject: "Reset your password", text: "https://x/reset?token=t" };

describe("queued account mail", () => {
  it("retries a refused mail after each wait and sends it once", async () => {
    const transport = flaky(2);
    useMailTransport(transport);
    queueMail(MAIL, [1, 1, 1]);
    await flushMail();
    expect(transport.tries()).toBe(3);
    expect(transport.sent).toEqual([expect.objectContaining(MAIL)]);
  });

  it("gives up after the last wait", async () => {
    const transport = flaky(10);
    useMailTransport(transport);
    queueMail(MAIL, [1, 1]);
    await flushMail();
    expect(transport.tries()).toBe(3);
    expect(transport.sent).toEqual([]);
  });
});
