import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { GatedWebSocket } from "@/server/socketGate";

// A collaboration socket sends what one turn of the event loop had for it in one write.

let server: Server | undefined;
afterEach(async () => {
  server?.close();
  server = undefined;
});

/** A server whose one socket coalesces its writes, a client connected to it, and the server's side of the socket. */
async function connected(coalesce: boolean): Promise<{ socket: GatedWebSocket; wire: Socket; client: WebSocket }> {
  const wss = new WebSocketServer({ noServer: true, WebSocket: GatedWebSocket });
  server = createServer();
  const accepted = new Promise<{ socket: GatedWebSocket; wire: Socket }>((resolve) =>
    server!.on("upgrade", (req, wire: Socket, head) =>
      wss.handleUpgrade(req, wire, head, (ws) => {
        if (coalesce && ws instanceof GatedWebSocket) ws.coalesceWrites(wire);
        resolve({ socket: ws as GatedWebSocket, wire });
      }),
    ),
  );
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await once(client, "open");
  return { ...(await accepted), client };
}

/** Sends `count` frames in one turn; resolves with what the client received, in order, and how many writes the server's socket made. */
async function burst(coalesce: boolean, count: number): Promise<{ received: string[]; writes: number }> {
  const { socket, wire, client } = await connected(coalesce);
  let writes = 0;
  const write = wire._write.bind(wire);
  const writev = wire._writev?.bind(wire);
  wire._write = (...args) => {
    writes++;
    write(...args);
  };
  if (writev) {
    wire._writev = (...args) => {
      writes++;
      writev(...args);
    };
  }
  const received: string[] = [];
  const all = new Promise<void>((resolve) =>
    client.on("message", (data: Buffer) => {
      received.push(data.toString());
      if (received.length === count) resolve();
    }),
  );
  for (let i = 0; i < count; i++) socket.send(`change ${i}`);
  await all;
  client.close();
  return { received, writes };
}

describe("a collaboration socket's writes", () => {
  const expected = Array.from({ length: 40 }, (_, i) => `change ${i}`);

  it("send what one turn had in one write, every frame in order", async () => {
    const { received, writes } = await burst(true, 40);
    expect(received).toEqual(expected);
    expect(writes).toBe(1);
  });

  it("without it, each frame is a write of its own (what the coalescing saves)", async () => {
    const { received, writes } = await burst(false, 40);
    expect(received).toEqual(expected);
    expect(writes).toBeGreaterThanOrEqual(40);
  });
});
