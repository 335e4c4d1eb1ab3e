import { describe, expect, it } from "vitest";
import { BODY_CUT_OFF, BodyError, readBody } from "@/app/_server/route";

/** A POST whose body stream sends `sent` and then fails, as Node's does when the client hangs up mid-body. */
function cutOff(sent: string): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(sent));
      controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    },
  });
  return new Request("http://localhost/api/documents", { method: "POST", body, duplex: "half" } as RequestInit & { duplex: "half" });
}

describe("reading a route's JSON body", () => {
  it("takes a whole body as JSON, and an empty one as no fields", async () => {
    expect(await readBody(new Request("http://localhost/x", { method: "POST", body: '{"title":"Ledger"}' }))).toEqual({ title: "Ledger" });
    expect(await readBody(new Request("http://localhost/x", { method: "POST", body: "  " }))).toEqual({});
  });

  it("answers 400, not a server error, when the client hangs up part-way through the body", async () => {
    const error = await readBody(cutOff('{"title":"Half a')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyError);
    expect(error).toMatchObject({ status: 400, message: BODY_CUT_OFF });
  });

  it("still tells malformed JSON and an oversized body apart", async () => {
    await expect(readBody(new Request("http://localhost/x", { method: "POST", body: "{nope" }))).rejects.toMatchObject({ status: 400, message: "Request body is not valid JSON." });
    await expect(readBody(new Request("http://localhost/x", { method: "POST", body: "x".repeat(1_000_001) }))).rejects.toMatchObject({ status: 413 });
  });
});
