import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { closePdfBrowser } from "../lib/export/pdf/browser";
import { getLogger } from "../lib/observability/logger";
import { getMetrics, routeLabel } from "../lib/observability/metrics";
import { CLIENT_IP_HEADER, resolveRequestId } from "../lib/observability/requestId";
import { COLLAB_PATH, createCollab } from "./collab";
import { startMailer } from "./mailer";


export interface AppServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

interface Options {
  port: number;
  hostname?: string;
  dev?: boolean;
  dir?: string;
}

function clientIp(req: IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (process.env.TRUST_PROXY === "1" && typeof forwarded === "string") return forwarded.split(",")[0]!.trim();
  return req.socket.remoteAddress ?? "unknown";
}

async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = process.env.METRICS_TOKEN;
  if (token && req.headers.authorization !== `Bearer ${token}`) {
    res.writeHead(401, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "A metrics token is required." }));
    return;
  }
  const { registry } = getMetrics();
  res.writeHead(200, { "Content-Type": registry.contentType }).end(await registry.metrics());
}

/**
 * The one Node process: Next.js pages and API routes, /metrics, and (later) the
 * collaboration WebSocket on the same port. Every request gets a request id (kept from
 * the caller when safe), a JSON log line and Prometheus counters.
 */
export async function startAppServer(options: Options): Promise<AppServer> {
  const log = getLogger();
  const metrics = getMetrics();
  const hostname = options.hostname ?? "0.0.0.0";
  const app = next({ dev: options.dev ?? false, dir: options.dir ?? process.cwd(), hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = resolveRequestId(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId;
    req.headers[CLIENT_IP_HEADER] = clientIp(req);
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const labels = { method: req.method ?? "GET", route: routeLabel(req.url), status: String(res.statusCode) };
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, seconds);
      if (res.statusCode >= 500) metrics.errors.inc(labels);
      if (labels.route !== "/_next/*") {
        log.info({ requestId, method: labels.method, url: req.url, route: labels.route, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
      }
    });
    try {
      if (req.url === "/metrics" && req.method === "GET") return await serveMetrics(req, res);
      await handle(req, res);
    } catch (error) {
      log.error({ requestId, err: error }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: "Something went wrong on our side.", requestId }));
    }
  });

  const collab = createCollab();
  const stopMail = startMailer();
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith(COLLAB_PATH)) collab.handleUpgrade(req, socket, head);
    else void upgrade(req, socket, head);
  });

  // Node closes an idle keep-alive connection after 5 s; a client (or proxy) that sends on
  // it at that moment gets ECONNRESET. Keep idle connections longer than common proxies do.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, hostname, () => resolve());
  });
  const shownHost = hostname === "0.0.0.0" ? "localhost" : hostname;
  return {
    server,
    url: `http://${shownHost}:${options.port}`,
    async close() {
      // store what editors typed before the sockets go (hocuspocus issue 738)
      stopMail();
      await collab.close();
      await closePdfBrowser();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.close();
    },
  };
}
