// The floor server: `new Hocuspocus()` with no hooks (no auth, no persistence) behind a
// plain http server on its own loopback port. Run as a child process; it prints
// `{"port":N}` on stdout once listening and exits on SIGTERM.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";

const hocuspocus = new Hocuspocus();
const wss = new WebSocketServer({ noServer: true });
const server = createServer((_req, res) => res.writeHead(404).end());
server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req)));
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.on("SIGTERM", () => {
  hocuspocus.closeConnections();
  wss.close();
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
