import { describe, expect, it } from "vitest";
import { BodyRejected, readLimitedText } from "@/app/_server/limitedBody";

const url = "http://localhost/api/workspaces/w/import";

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

async function rejection(promise: Promise<unknown>): Promise<BodyRejected> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BodyRejected);
  return error as BodyRejected;
}

describe("readLimitedText", () => {
  it("reads a body within the limit as UTF-8", async () => {
    const req = new Request(url, { method: "POST", body: "# Café 📋" });
    await expect(readLimitedText(req, 100, "too large")).resolves.toBe("# Café 📋");
  });

  it("answers 413 for a declared Content-Length over the limit without reading", async () => {
    const req = new Request(url, { method: "POST", body: "small", headers: { "content-length": "5000" } });
    const error = await rejection(readLimitedText(req, 100, "The file is larger than 512 KB."));
    expect([error.status, error.message]).toEqual([413, "The file is larger than 512 KB."]);
  });

  it("answers 413 when more arrives than declared or allowed", async () => {
    const chunk = new Uint8Array(64).fill(0x61);
    const req = new Request(url, { method: "POST", body: streamOf([chunk, chunk]), duplex: "half" } as RequestInit);
    expect((await rejection(readLimitedText(req, 100, "too large"))).status).toBe(413);
  });

  it("answers 400 for bytes that are not UTF-8", async () => {
    const req = new Request(url, { method: "POST", body: new Uint8Array([0x23, 0x20, 0xff, 0xfe]) });
    const error = await rejection(readLimitedText(req, 100, "too large"));
    expect([error.status, error.message]).toEqual([400, expect.stringMatching(/not UTF-8/)]);
  });
});
