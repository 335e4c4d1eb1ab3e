// The app's collaboration server (server/collab.ts: auth, socket gate, persistence) alone,
// without Next.js, behind a plain http server on its own loopback port. Run as a child
// process; it prints `{"port":N}` on stdout once listening and exits on SIGTERM. Anonymous
// sockets never reach the database, so none is needed for them.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createCollab } from "../../server/collab";

process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("hex");
const collab = createCollab();
const server = createServer((_req, res) => res.writeHead(404).end());
server.on("upgrade", (req, socket, head) => collab.handleUpgrade(req, socket, head));
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.on("SIGTERM", () => {
  void collab.close().finally(() => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
});
