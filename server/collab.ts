import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type Document } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { setChangeDocument } from "../lib/collab/gateway";
import { DocumentTooLarge, loadDocumentState, storeDocumentState } from "../lib/collab/persistence";
import { getDb } from "../lib/db";
import { getLogger } from "../lib/observability/logger";
import { getMetrics } from "../lib/observability/metrics";
import { createIdleVersioner, versionIfIdle } from "../lib/versions/autoVersions";
import * as Y from "yjs";
import { SocketAccess } from "./collabAccess";
import { DEFAULT_GATE_LIMITS, GatedWebSocket, SocketGates, type GateLimits } from "./socketGate";

export const COLLAB_PATH = "/collab";
export interface Collab {
  hocuspocus: Hocuspocus;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Stores every open document, then closes all sockets. */
  close(): Promise<void>;
}

/**
 * The collaboration server: Hocuspocus on the app's own port at /collab. Sockets are
 * authenticated with the user's session cookie and the policy module (viewers are
 * read-only); documents load from and store to PostgreSQL with their Section projection.
 */
export function createCollab(options: { gateLimits?: Partial<GateLimits>; accessRecheckMs?: number } = {}): Collab {
  const log = getLogger().child({ component: "collab" });
  const metrics = getMetrics();
  // documents whose state loaded: only those may ever be stored (hocuspocus issue 382)
  const loaded = new Set<string>();
  // who edited each document since its last store: the authors of its next version
  const authors = new Map<string, Set<string>>();
  const noteAuthors = (documentName: string, ids: Iterable<string>) => {
    const set = authors.get(documentName) ?? new Set<string>();
    for (const id of ids) set.add(id);
    authors.set(documentName, set);
  };
  const idle = createIdleVersioner((documentName) => versionIfIdle(getDb(), documentName));

  const store = async (documentName: string, document: Document) => {
    if (!loaded.has(documentName)) return log.warn({ documentName }, "not storing a document that did not load");
    try {
      const editors = authors.get(documentName) ?? new Set<string>();
      authors.delete(documentName);
      const { bytes } = await storeDocumentState(getDb(), documentName, document, { authorIds: [...editors] }).catch((error: unknown) => {
        noteAuthors(documentName, editors); // kept for the retry
        throw error;
      });
      idle.touch(documentName);
      log.debug({ documentName, bytes }, "stored");
    } catch (error) {
      if (error instanceof DocumentTooLarge) {
        // editors keep what they typed locally and are told why it is not saved
        document.broadcastStateless(JSON.stringify({ type: "too-large", message: error.message }));
        return log.warn({ documentName, bytes: error.bytes }, "document over the size limit");
      }
      // a failing store must not crash the process (hocuspocus issue 754); the next store retries
      log.error({ documentName, err: error }, "store failed");
    }
  };

  // who may use each socket, decided at connect and again whenever access changes
  const gates = new SocketGates((name): Document | undefined => hocuspocus.documents.get(name), log, { ...DEFAULT_GATE_LIMITS, ...options.gateLimits });
  const access = new SocketAccess({ db: getDb, log, gates, recheckMs: options.accessRecheckMs });

  const hocuspocus: Hocuspocus = new Hocuspocus({
    name: "specwright",
    extensions: [access],
    quiet: true,
    debounce: 1000,
    maxDebounce: 5000,
    unloadImmediately: false,
    async onLoadDocument({ documentName, document }) {
      Y.applyUpdate(document, await loadDocumentState(getDb(), documentName));
      loaded.add(documentName);
      return document;
    },
    async onChange({ documentName, context }) {
      const userId = (context as { user?: { id?: string } } | undefined)?.user?.id;
      if (userId && userId !== "server") noteAuthors(documentName, [userId]);
    },
    async onStoreDocument({ documentName, document }) {
      await store(documentName, document);
    },
    async afterUnloadDocument({ documentName }) {
      loaded.delete(documentName);
    },
    async onStateless({ payload, documentName, document, connection }) {
      // Ctrl/Cmd+S: store now and tell the client
      if (payload === "save" && !connection.readOnly) {
        await store(documentName, document);
        connection.sendStateless(JSON.stringify({ type: "saved" }));
      }
    },
    async onConnect() {
      metrics.collabSockets.inc();
    },
    async onDisconnect() {
      metrics.collabSockets.dec();
    },
  });

  setChangeDocument(
    async (documentId, change) => {
      const connection = await hocuspocus.openDirectConnection(documentId, { user: { id: "server", name: "Specwright" } });
      try {
        await connection.transact((ydoc) => change(ydoc));
      } finally {
        await connection.disconnect();
      }
    },
    async (documentId) => {
      const open = hocuspocus.documents.get(documentId);
      if (open) await store(documentId, open);
    },
  );

  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024, WebSocket: GatedWebSocket });
  return {
    hocuspocus,
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        gates.attach(ws, req);
        hocuspocus.handleConnection(ws, req);
      });
    },
    async close() {
      access.stop();
      setChangeDocument(undefined);
      await Promise.all([...hocuspocus.documents.entries()].map(([name, doc]) => store(name, doc)));
      // edits still waiting for their idle pause are versioned now
      await Promise.all(idle.stop().map((name) => versionIfIdle(getDb(), name, { force: true }).catch((err: unknown) => log.error({ documentName: name, err }, "version failed"))));
      hocuspocus.closeConnections();
      wss.close();
    },
  };
}
