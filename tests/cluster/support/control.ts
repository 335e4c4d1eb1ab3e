// The cluster lives in the Playwright runner (globalSetup); tests run in worker processes.
// They act on it through this small HTTP service on loopback: kill or start an app process,
// stop or start PostgreSQL, read the mails the SMTP capture received.
import { createServer, type Server } from "node:http";
import type { Cluster } from "./cluster";
import type { SmtpCapture } from "./smtp";

type Action = (match: RegExpExecArray) => Promise<unknown> | unknown;

export function startControl(cluster: Cluster, smtp: SmtpCapture, port: number): Promise<Server> {
  const routes: [string, RegExp, Action][] = [
    ["GET", /^\/apps$/, () => cluster.appStates()],
    ["POST", /^\/apps\/(\d+)\/kill$/, (m) => cluster.killApp(Number(m[1]))],
    ["POST", /^\/apps\/(\d+)\/start$/, (m) => cluster.startApp(Number(m[1]))],
    ["POST", /^\/postgres\/stop$/, () => cluster.stopPostgres()],
    ["POST", /^\/postgres\/start$/, () => cluster.restartPostgres()],
    ["GET", /^\/mails$/, () => smtp.mails],
  ];
  const server = createServer((req, res) => {
    const found = routes.map(([method, pattern, action]) => ({ method, match: pattern.exec(req.url ?? ""), action })).find((r) => r.method === req.method && r.match);
    if (!found) return void res.writeHead(404).end();
    Promise.resolve()
      .then(() => found.action(found.match!))
      .then(
        (result) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(result ?? {})),
        (error: unknown) => res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ error: String(error) })),
      );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
