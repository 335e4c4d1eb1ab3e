import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on loopback that keeps every request it gets. `answer` sets the
 * status it replies with; `stop()` closes it (connections are then refused) and `start()`
 * brings it back on the same port.
 */
export async function startReceiver(options: { status?: number; reply?: string; hang?: boolean } = {}) {
  const received: Received[] = [];
  const state = { status: options.status ?? 200, reply: options.reply ?? "ok", hang: options.hang ?? false };
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      if (state.hang) return;
      res.writeHead(state.status, { "content-type": "text/plain" });
      res.end(state.reply);
    });
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    state,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    start: () => listen(port),
  };
}
