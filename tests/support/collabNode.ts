// One collaboration process of a cluster test: the app's collaboration server
// (server/collab.ts) behind a plain http server on a loopback port, talking to the
// PostgreSQL in DATABASE_URL and, when REDIS_URL is set, to the other processes through
// Redis. Run as a child process (node --import tsx); prints `{"port":N}` once listening
// and stores every open document and exits on SIGTERM. STORE_DEBOUNCE_MS delays
// hocuspocus's own stores, so a test decides when a process stores.
//
// Besides /collab it answers POST requests that run server-side steps in this process:
//   /change        {documentId, sectionKey, text}  appends a paragraph through changeDocument
//   /flush         {documentId}                    flushDocument (200, or the error's status)
//   /remove-member {actor, slug, userId}           removeMember as `actor`
//   /change-role   {actor, slug, userId, role}     changeRole as `actor`
//   /trash         {actor, documentId}             deleteDocument (to the trash) as `actor`
// and GET /metrics (this process's Prometheus metrics).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as Y from "yjs";
import { z } from "zod";
import { changeDocument, flushDocument } from "../../lib/collab/gateway";
import { bodyName } from "../../lib/collab/ydoc";
import { getDb } from "../../lib/db";
import { deleteDocument } from "../../lib/documents/documents";
import { DomainError, ServiceUnavailable } from "../../lib/errors";
import { changeRole, removeMember } from "../../lib/workspaces/manageMembers";
import { getMetrics } from "../../lib/observability/metrics";
import { createCollab } from "../../server/collab";

const debounce = Number(process.env.STORE_DEBOUNCE_MS ?? 1000);
const storeTurnMs = process.env.STORE_TURN_MS ? Number(process.env.STORE_TURN_MS) : undefined;
const collab = createCollab({ accessRecheckMs: 10 * 60_000, storeDebounceMs: { debounce, maxDebounce: debounce }, storeTurnMs });

const actor = z.object({ userId: z.string(), email: z.string(), name: z.string() });
const steps: Record<string, (body: unknown) => Promise<void>> = {
  async "/change"(body) {
    const { documentId, sectionKey, text } = z.object({ documentId: z.string(), sectionKey: z.string(), text: z.string() }).parse(body);
    await changeDocument(documentId, (ydoc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      const fragment = ydoc.getXmlFragment(bodyName(sectionKey));
      fragment.insert(fragment.length, [paragraph]);
    });
  },
  async "/flush"(body) {
    await flushDocument(z.object({ documentId: z.string() }).parse(body).documentId);
  },
  async "/remove-member"(body) {
    const input = z.object({ actor, slug: z.string(), userId: z.string() }).parse(body);
    await removeMember({ actor: input.actor, db: getDb() }, { slug: input.slug, userId: input.userId });
  },
  async "/change-role"(body) {
    const input = z.object({ actor, slug: z.string(), userId: z.string(), role: z.enum(["admin", "editor", "viewer"]) }).parse(body);
    await changeRole({ actor: input.actor, db: getDb() }, { slug: input.slug, userId: input.userId, role: input.role });
  },
  async "/trash"(body) {
    const input = z.object({ actor, documentId: z.string() }).parse(body);
    await deleteDocument({ actor: input.actor, db: getDb() }, { documentId: input.documentId });
  },
};

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === "GET" && req.url === "/metrics") return void res.writeHead(200).end(await getMetrics().registry.metrics());
  const step = req.method === "POST" && req.url ? steps[req.url] : undefined;
  if (!step) return void res.writeHead(404).end();
  let raw = "";
  for await (const chunk of req) raw += String(chunk);
  try {
    await step(JSON.parse(raw));
    res.writeHead(200).end("{}");
  } catch (error) {
    const status = error instanceof ServiceUnavailable ? 503 : error instanceof DomainError ? 400 : 500;
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  }
}

const server = createServer((req, res) => void answer(req, res));
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
