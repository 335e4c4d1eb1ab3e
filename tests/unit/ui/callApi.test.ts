import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "@/components/ui/api";

// a real server answering the ways a stopping or broken server does
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/cut") {
      // headers and half a body, then the connection goes (the server stopped mid-answer)
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('[{"id":"t1","sectionKey":"intro","comm');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (req.url === "/html") return void res.writeHead(200, { "Content-Type": "text/html" }).end("<html>proxy page</html>");
    if (req.url === "/teapot") return void res.writeHead(418, { "Content-Type": "text/plain" }).end("no");
    if (req.url === "/error") return void res.writeHead(409, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "Already in review." }));
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify([{ id: "t1" }]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("callApi", () => {
  it("returns the body of a success", async () => {
    expect(await callApi(`${base}/ok`)).toEqual({ ok: true, data: [{ id: "t1" }] });
  });

  it("reports a success whose body was cut off as unreachable, never as data", async () => {
    const res = await callApi(`${base}/cut`);
    expect(res.ok).toBe(false);
    expect(res).toMatchObject({ status: 0, error: { error: expect.stringMatching(/Could not reach the server/) } });
  });

  it("reports a success that is not JSON as unreachable", async () => {
    expect(await callApi(`${base}/html`)).toMatchObject({ ok: false, status: 0 });
  });

  it("returns the error body of a refusal, and a plain message when it has none", async () => {
    expect(await callApi(`${base}/error`, { method: "POST", body: {} })).toEqual({ ok: false, status: 409, error: { error: "Already in review." } });
    expect(await callApi(`${base}/teapot`)).toEqual({ ok: false, status: 418, error: { error: "Request failed (418)." } });
  });

  it("reports a server that is not there as unreachable", async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/ok`;
    await new Promise((resolve) => gone.close(resolve));
    expect(await callApi(url)).toMatchObject({ ok: false, status: 0 });
  });
});
