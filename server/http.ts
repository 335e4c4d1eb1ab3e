import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { SHARED_SECRET_REQUIRED, StartupError } from "../lib/auth/sessionSecret";
import { offersBearer } from "../lib/apiTokens/bearer";
import { recordTokenCall } from "../lib/apiTokens/tokenCalls";
import { getDb } from "../lib/db";
import { closePdfBrowser } from "../lib/export/pdf/browser";
import { closeParsePool, warmParsePool } from "../lib/import/parsePool";
import { closeLimits } from "../lib/limits/store";
import { warmMermaidParser } from "../lib/mermaid/validate";
import { addressedOrigin, isSameOrigin } from "../lib/http/requestGuard";
import { getLogger } from "../lib/observability/logger";
import { getMetrics, routeLabel } from "../lib/observability/metrics";
import { builtRoutes, createRouteLabeler } from "../lib/observability/routeLabels";
import { CLIENT_IP_HEADER, resolveRequestId } from "../lib/observability/requestId";
import { COLLAB_PATH, createCollab } from "./collab";
import { peerUrl } from "./collabRouting";
import { startDrawingPruning } from "./drawingPruning";
import { startImageCleanup } from "./imageCleanup";
import { startMailer } from "./mailer";
import { startWebhookSender } from "./webhookSender";
import { startGitSyncer } from "./gitSyncer";
import { deferPageScripts } from "./deferScripts";


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

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
/** An answer that took this long is logged as a warning. */
const SLOW_REQUEST_MS = 2000;

/** Whether a request reached us straight from this machine (not through a proxy that forwarded it). */
function fromLoopback(req: IncomingMessage): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? "") && !req.headers["x-forwarded-for"];
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A WebSocket upgrade from a page of another origin (another port of this host, too) is refused. */
function upgradeFromOwnOrigin(req: IncomingMessage): boolean {
  return isSameOrigin(
    { origin: first(req.headers.origin) ?? null, secFetchSite: first(req.headers["sec-fetch-site"]) ?? null, requestOrigin: addressedOrigin({ host: req.headers.host, forwardedHost: first(req.headers["x-forwarded-host"]), forwardedProto: first(req.headers["x-forwarded-proto"]) }, "http") },
    process.env.NEXTAUTH_URL,
  );
}

/**
 * /metrics with METRICS_TOKEN set needs `Authorization: Bearer <token>`; without one, it
 * answers only requests made on this machine (a scraper beside the app), never the world.
 */
async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = process.env.METRICS_TOKEN;
  const allowed = token ? req.headers.authorization === `Bearer ${token}` : fromLoopback(req);
  if (!allowed) {
    const error = token ? "A metrics token is required." : "Metrics are served on this machine only; set METRICS_TOKEN to scrape them from elsewhere.";
    res.writeHead(token ? 401 : 403, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify({ error }));
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
  // several processes (REDIS_URL) must share one cookie secret; never run with a per-process one
  if (process.env.REDIS_URL && !process.env.NEXTAUTH_SECRET) throw new StartupError(SHARED_SECRET_REQUIRED);
  const log = getLogger();
  const metrics = getMetrics();
  const hostname = options.hostname ?? "0.0.0.0";
  const app = next({ dev: options.dev ?? false, dir: options.dir ?? process.cwd(), hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // one metric series per route; before a build (dev) ids are folded by their shape
  const routes = builtRoutes(options.dir ?? process.cwd());
  const labelRoute = routes ? createRouteLabeler(routes) : routeLabel;

  const server = createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = resolveRequestId(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId;
    req.headers[CLIENT_IP_HEADER] = clientIp(req);
    res.setHeader("x-request-id", requestId);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const labels = { method: req.method ?? "GET", route: labelRoute(req.url), status: String(res.statusCode) };
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, seconds);
      if (res.statusCode >= 500) metrics.errors.inc(labels);
      const ms = Math.round(seconds * 1000);
      const line = { requestId, method: labels.method, url: req.url, route: labels.route, status: res.statusCode, ms };
      // a slow answer is worth a look whatever the level: people wait on it (an event stream
      // is open for as long as its page, which is no wait)
      const stream = String(res.getHeader("content-type") ?? "").startsWith("text/event-stream");
      if (ms >= SLOW_REQUEST_MS && !stream) log.warn(line, "slow request");
      else if (labels.route !== "/_next/*") log.info(line, "request");
      // a call made with an API token is its owner's to see, answer included
      const authorization = first(req.headers.authorization) ?? null;
      if (labels.route.startsWith("/api/") && offersBearer(authorization)) {
        recordTokenCall(getDb(), { authorization: authorization ?? "", method: labels.method, route: labels.route, status: res.statusCode, requestId }).catch((err: unknown) =>
          log.warn({ requestId, err }, "recording an API token's call failed"),
        );
      }
    });
    try {
      if (req.url === "/metrics" && req.method === "GET") return await serveMetrics(req, res);
      // a document page's scripts come after its first frame (a production build's pages only)
      if (!options.dev) deferPageScripts(req, res);
      await handle(req, res);
    } catch (error) {
      log.error({ requestId, err: error }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: "Something went wrong on our side.", requestId }));
    }
  });

  const collab = createCollab({ peerUrl: peerUrl(hostname, options.port) });
  const stopMail = startMailer();
  const stopWebhooks = startWebhookSender();
  const stopGitSync = startGitSyncer();
  const stopImageCleanup = startImageCleanup();
  const stopDrawingPruning = startDrawingPruning();
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith(COLLAB_PATH)) return void upgrade(req, socket, head);
    if (!upgradeFromOwnOrigin(req)) {
      log.warn({ origin: req.headers.origin }, "refused a collaboration socket from another origin");
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    collab.handleUpgrade(req, socket, head);
  });

  // Node closes an idle keep-alive connection after 5 s; a client (or proxy) that sends on
  // it at that moment gets ECONNRESET. Keep idle connections longer than common proxies do.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, hostname, () => resolve());
  });
  // the first import should not wait for the parse worker to load its modules, nor the
  // first submit-gate check of a diagram for Mermaid's parser
  warmParsePool();
  warmMermaidParser();
  const shownHost = hostname === "0.0.0.0" ? "localhost" : hostname;
  return {
    server,
    url: `http://${shownHost}:${options.port}`,
    async close() {
      // store what editors typed before the sockets go (hocuspocus issue 738)
      stopMail();
      stopWebhooks();
      stopGitSync();
      stopImageCleanup();
      stopDrawingPruning();
      await collab.close();
      await closePdfBrowser();
      await closeParsePool();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.close();
      await closeLimits();
    },
  };
}
