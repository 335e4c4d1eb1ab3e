import type { IncomingMessage } from "node:http";
import os from "node:os";
import type { Duplex } from "node:stream";
import httpProxy from "http-proxy";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { getMetrics } from "../lib/observability/metrics";

/**
 * Set on a socket one process hands to a document's owner: the receiver serves it itself,
 * whoever it thinks owns the document, so a socket is handed on at most once.
 */
export const ROUTED_HEADER = "x-specwright-routed";

/** How long a process owns a document after it last renewed that (every OWNER_TTL_MS / 3 while it holds it). */
export const OWNER_TTL_MS = 15_000;

const ownerKey = (documentId: string) => `specwright:owner:${documentId}`;

// the owner's address: this process's when nobody owns the document (or it already does)
const CLAIM = `
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ARGV[1]
end
return holder`;
// forgets an owner, only if it still is the one named
const FORGET = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const RENEW = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('PEXPIRE', key, ARGV[2]) end
end
return 0`;

/** The document a collaboration socket is for (`/collab?doc=<id>`), if it says. */
export function socketDocument(url: string | undefined): string | null {
  const query = url?.indexOf("?") ?? -1;
  if (!url || query < 0) return null;
  const id = new URLSearchParams(url.slice(query + 1)).get("doc");
  return id && id.length <= 200 ? id : null;
}

/**
 * The address other processes reach this one at: COLLAB_PEER_URL, else this machine's first
 * network address (a container's, in the team install) on the app's port.
 */
export function peerUrl(hostname: string, port: number): string {
  if (process.env.COLLAB_PEER_URL) return process.env.COLLAB_PEER_URL;
  if (hostname !== "0.0.0.0" && hostname !== "::") return `http://${hostname}:${port}`;
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal);
  return `http://${external?.address ?? "127.0.0.1"}:${port}`;
}

export interface DocumentRouter {
  /**
   * Serves a collaboration socket here (`serveHere`) when this process owns its document or
   * nobody does (it then takes the document), or hands the socket to the owner.
   */
  route(req: IncomingMessage, socket: Duplex, head: Buffer, serveHere: () => void): void;
  /** This process no longer holds the document: another may take it. */
  released(documentId: string): void;
  close(): Promise<void>;
}

/**
 * One owner process per open document. Each document's editors are served by the process
 * that opened it first, wherever their sockets arrive: the others pass the socket's bytes
 * through unread. So one process, not every process, applies and checks each change, and
 * relays it to the editors in memory instead of through Redis. Ownership lives in Redis, is
 * renewed while the owner holds the document and ends when it lets it go or dies (the first
 * socket that finds the owner gone ends it at once). Routing is only an optimisation: two
 * processes that both hold a document (a race, a lapse of Redis) still share every change
 * through the Redis extension.
 */
export function createDocumentRouter(options: { url: string; self: string; held: () => Iterable<string>; log: Logger }): DocumentRouter {
  const { self, log } = options;
  const metrics = getMetrics();
  const redis = new Redis(options.url, { lazyConnect: false });
  redis.on("error", (err: unknown) => log.warn({ err, role: "routing" }, "redis connection error"));
  const proxy = httpProxy.createProxyServer({ ws: true, xfwd: false, proxyTimeout: 0 });

  const renew = setInterval(() => {
    const keys = [...options.held()].map(ownerKey);
    if (!keys.length) return;
    redis.eval(RENEW, keys.length, ...keys, self, OWNER_TTL_MS).catch((err: unknown) => log.warn({ err }, "renewing document ownership failed"));
  }, OWNER_TTL_MS / 3);
  renew.unref();

  const forget = (documentId: string, owner: string) =>
    redis.eval(FORGET, 1, ownerKey(documentId), owner).catch((err: unknown) => log.warn({ err, documentId }, "forgetting a document's owner failed"));

  const handOver = (req: IncomingMessage, socket: Duplex, head: Buffer, documentId: string, owner: string) => {
    req.headers[ROUTED_HEADER] = "1";
    metrics.collabSocketsRouted.inc();
    proxy.ws(req, socket, head, { target: owner }, (err) => {
      // the owner is gone (or unreachable): the editor reconnects, and finds no owner
      log.warn({ err, documentId, owner }, "a document's owner did not answer; the next socket takes the document");
      void forget(documentId, owner);
    });
  };

  return {
    route(req, socket, head, serveHere) {
      const documentId = socketDocument(req.url);
      if (!documentId || req.headers[ROUTED_HEADER]) return serveHere();
      // Node leaves an upgraded socket without an error listener: one that breaks while Redis answers must not end the process
      socket.on("error", (err) => log.debug({ err, documentId }, "a collaboration socket broke while being routed"));
      redis.eval(CLAIM, 1, ownerKey(documentId), self, OWNER_TTL_MS).then(
        (owner) => (owner === self || typeof owner !== "string" ? serveHere() : handOver(req, socket, head, documentId, owner)),
        (err: unknown) => {
          log.warn({ err, documentId }, "asking for a document's owner failed; serving it here");
          serveHere();
        },
      );
    },
    released(documentId) {
      void forget(documentId, self);
    },
    async close() {
      clearInterval(renew);
      const keys = [...options.held()].map(ownerKey);
      if (keys.length) await Promise.all(keys.map((key) => redis.eval(FORGET, 1, key, self).catch(() => undefined)));
      proxy.close();
      redis.disconnect();
    },
  };
}
