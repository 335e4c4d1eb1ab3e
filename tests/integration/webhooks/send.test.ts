import { afterEach, describe, expect, it } from "vitest";
import { postBody, RESPONSE_KEPT } from "@/lib/webhooks/send";
import { startReceiver } from "../../support/webhookReceiver";

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

async function receiver(options?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(options);
  stops.push(() => r.stop());
  return r;
}

describe("sending one webhook", () => {
  it("reaches nothing private when a name looked up as public connects to a private address (DNS rebinding)", async () => {
    const r = await receiver();
    const url = r.url.replace("127.0.0.1", "localhost");
    // the lookup made before sending says public; the connection itself goes to loopback
    const result = await postBody(url, "{}", {}, { timeoutMs: 5_000, allowPrivate: false, resolve: async () => ["93.184.216.34"] });
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/not allowed/);
    expect(r.received).toHaveLength(0);
    // allowed private addresses: the same request arrives
    expect(await postBody(url, "{}", {}, { timeoutMs: 5_000, allowPrivate: true })).toMatchObject({ status: 200, error: null });
    expect(r.received).toHaveLength(1);
  });

  it("keeps the start of a long answer, names a non-2xx answer and gives up on a silent receiver", async () => {
    const long = await receiver({ status: 500, reply: "x".repeat(RESPONSE_KEPT * 3) });
    expect(await postBody(long.url, "{}", {}, { timeoutMs: 5_000, allowPrivate: true })).toEqual({ status: 500, body: "x".repeat(RESPONSE_KEPT), error: "the receiver answered 500" });
    const silent = await receiver({ hang: true });
    expect(await postBody(silent.url, "{}", {}, { timeoutMs: 300, allowPrivate: true })).toEqual({ status: null, body: "", error: "no answer within 300 ms" });
  });
});
