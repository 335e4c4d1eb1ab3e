import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type Document } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { setChangeDocument } from "../lib/collab/gateway";
import { createSocketGuards } from "../lib/collab/socketGuards";
import { createStoreRetry, STORED_QUERY, storedMessage, type StoreMessage } from "../lib/collab/storeStatus";
import { DocumentTooLarge, loadDocumentState, storeDocumentState } from "../lib/collab/persistence";
import { getDb } from "../lib/db";
import { ServiceUnavailable } from "../lib/errors";
import { getLogger } from "../lib/observability/logger";
import { getMetrics } from "../lib/observability/metrics";
import { createIdleVersioner, versionIfIdle } from "../lib/versions/autoVersions";
import * as Y from "yjs";
import { SocketAccess } from "./collabAccess";
import { createCollabCluster, NOT_STORED_MESSAGE } from "./collabCluster";
import { DEFAULT_GATE_LIMITS, GatedWebSocket, SocketGates, type GateLimits } from "./socketGate";

export const COLLAB_PATH = "/collab";
export interface Collab {
  hocuspocus: Hocuspocus;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Stores every open document, then closes all sockets. */
  close(): Promise<void>;
}

/** A stateless message to the editors connected to this process, not relayed to others. */
function tellEditorsHere(document: Document, payload: string): void {
  for (const connection of document.getConnections()) connection.sendStateless(payload);
}

/** Origin of changes a store found in PostgreSQL that the live document lacked. */
const STORED_ELSEWHERE = "specwright-stored-elsewhere";

/**
 * The collaboration server: Hocuspocus on the app's own port at /collab. Sockets are
 * authenticated with the user's session cookie and the policy module (viewers are
 * read-only); documents load from and store to PostgreSQL with their Section projection.
 * With REDIS_URL, several processes share each open document through Redis
 * (server/collabCluster.ts); without it, this process is on its own.
 */
export function createCollab(options: { gateLimits?: Partial<GateLimits>; accessRecheckMs?: number; storeDebounceMs?: { debounce: number; maxDebounce: number } } = {}): Collab {
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
  // every change from a socket is checked before it reaches the document (issue 14)
  const guards = createSocketGuards();
  const watchedConnections = new WeakSet<object>();
  const idle = createIdleVersioner((documentName) => versionIfIdle(getDb(), documentName));

  // the last stored state of each open document, as the "stored" message its editors get
  const lastStored = new Map<string, string>();
  const retries = createStoreRetry(async (documentName) => {
    const open = hocuspocus.documents.get(documentName);
    if (!open) return retries.succeeded(documentName);
    // a document kept in memory only for its retry goes once it is stored
    if ((await storeNow(documentName, open)) && open.getConnectionsCount() === 0) await hocuspocus.unloadDocument(open);
  });

  /** Stores a document; true once stored. A failure is told to its editors and retried, never acknowledged. */
  const store = async (documentName: string, document: Document): Promise<boolean> => {
    if (!loaded.has(documentName)) {
      log.warn({ documentName }, "not storing a document that did not load");
      return false;
    }
    const editors = authors.get(documentName) ?? new Set<string>();
    authors.delete(documentName);
    // taken in the same tick as the state storeDocumentState encodes
    const stored = JSON.stringify(storedMessage(document));
    try {
      const { bytes, missing } = await storeDocumentState(getDb(), documentName, document, { authorIds: [...editors] });
      // what another process stored and this one lacked reaches this document and its editors
      if (missing) Y.applyUpdate(document, missing, STORED_ELSEWHERE);
      idle.touch(documentName);
      retries.succeeded(documentName);
      lastStored.set(documentName, stored);
      // to editors on every process: what is stored holds what they sent, wherever it came in
      document.broadcastStateless(stored);
      log.debug({ documentName, bytes }, "stored");
      return true;
    } catch (error) {
      noteAuthors(documentName, editors); // kept for the retry
      metrics.collabStoreFailures.inc();
      retries.failed(documentName);
      // only this process's editors: another process holding the document may store fine
      tellEditorsHere(document, JSON.stringify({ type: "store-failed" } satisfies StoreMessage));
      if (error instanceof DocumentTooLarge) {
        // editors keep what they typed locally and are told why it is not saved
        tellEditorsHere(document, JSON.stringify({ type: "too-large", message: error.message }));
        log.warn({ documentName, bytes: error.bytes }, "document over the size limit");
      } else log.error({ documentName, err: error }, "store failed"); // never crashes the process (hocuspocus issue 754)
      return false;
    }
  };

  // who may use each socket, decided at connect and again whenever access changes
  const gates = new SocketGates((name): Document | undefined => hocuspocus.documents.get(name), log, { ...DEFAULT_GATE_LIMITS, ...options.gateLimits });
  const access = new SocketAccess({ db: getDb, log, gates, recheckMs: options.accessRecheckMs });

  /**
   * A store from outside hocuspocus's own (Ctrl/Cmd+S, flush, retry, shutdown) waits for any
   * store in progress: two at once could commit an older state after a newer one.
   */
  const storeNow = (documentName: string, document: Document) => document.saveMutex.runExclusive(() => store(documentName, document));

  const redisUrl = process.env.REDIS_URL;
  const cluster = redisUrl
    ? createCollabCluster({
        url: redisUrl,
        log,
        async storeHeld(documentId) {
          const open = hocuspocus.documents.get(documentId);
          return !open || storeNow(documentId, open);
        },
      })
    : null;

  const hocuspocus: Hocuspocus = new Hocuspocus({
    name: "specwright",
    extensions: cluster ? [access, cluster.extension] : [access],
    quiet: true,
    debounce: options.storeDebounceMs?.debounce ?? 1000,
    maxDebounce: options.storeDebounceMs?.maxDebounce ?? 5000,
    unloadImmediately: false,
    async onLoadDocument({ documentName, document }) {
      Y.applyUpdate(document, await loadDocumentState(getDb(), documentName));
      await guards.open(getDb(), documentName, document);
      lastStored.set(documentName, JSON.stringify(storedMessage(document)));
      // text fields stored as plain strings become shared text, stored at once so every
      // later load starts from the same conversion
      if (guards.shareText(documentName, document)) {
        const stored = JSON.stringify(storedMessage(document));
        await storeDocumentState(getDb(), documentName, document)
          .then(() => lastStored.set(documentName, stored))
          .catch((err: unknown) => log.error({ documentName, err }, "storing shared text fields failed"));
      }
      loaded.add(documentName);
      return document;
    },
    async onChange({ documentName, document, context }) {
      const userId = (context as { user?: { id?: string } } | undefined)?.user?.id;
      if (!userId || userId === "server") return;
      noteAuthors(documentName, [userId]);
      // a section an editor just added has its text fields as null: make them shared text
      // before two people type their first characters into one of them at once
      guards.shareText(documentName, document);
    },
    async onStoreDocument({ documentName, document }) {
      await store(documentName, document);
    },
    async beforeHandleMessage({ documentName, connection, update }) {
      if (!watchedConnections.has(connection)) {
        watchedConnections.add(connection);
        // what is held back for this socket goes with it
        connection.onClose(() => guards.forget(documentName, connection));
      }
      const refused = guards.refusal(documentName, update, connection.readOnly, connection);
      if (!refused) return;
      log.warn({ documentName, reason: refused.message }, "socket change refused");
      connection.sendStateless(JSON.stringify(refused));
      // no message: hocuspocus closes this document's connection without logging it again
      throw Object.assign(new Error(), { code: 4400, reason: "update-refused" });
    },
    async beforeUnloadDocument({ documentName }) {
      // a document whose store failed stays in memory until its retry stores it
      if (retries.pending(documentName)) throw new Error();
    },
    async afterUnloadDocument({ documentName }) {
      loaded.delete(documentName);
      lastStored.delete(documentName);
      guards.close(documentName);
    },
    async onStateless({ payload, documentName, document, connection }) {
      // what is stored now, or that storing fails (a retry is pending)
      const last = retries.pending(documentName) ? JSON.stringify({ type: "store-failed" } satisfies StoreMessage) : lastStored.get(documentName);
      if (payload === STORED_QUERY && last) connection.sendStateless(last);
      // Ctrl/Cmd+S: store now and tell the client whether it is stored
      if (payload === "save" && !connection.readOnly) {
        const saved = await storeNow(documentName, document);
        connection.sendStateless(JSON.stringify({ type: saved ? "saved" : "store-failed" } satisfies StoreMessage));
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
        await connection.transact((ydoc) => {
          change(ydoc);
          guards.shareText(documentId, ydoc); // a restore or an import writes text fields as plain strings
        });
      } finally {
        await connection.disconnect();
      }
    },
    async (documentId) => {
      // judging (submit, approve, versions) waits for what editors typed to be stored, on
      // every process holding the document
      if (cluster) return cluster.flush(documentId);
      const open = hocuspocus.documents.get(documentId);
      if (open && !(await storeNow(documentId, open))) throw new ServiceUnavailable(NOT_STORED_MESSAGE);
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
      await Promise.all([...hocuspocus.documents.entries()].map(([name, doc]) => storeNow(name, doc)));
      retries.stop(); // what failed now is logged; PostgreSQL stops after this
      // edits still waiting for their idle pause are versioned now
      await Promise.all(idle.stop().map((name) => versionIfIdle(getDb(), name, { force: true }).catch((err: unknown) => log.error({ documentName: name, err }, "version failed"))));
      hocuspocus.closeConnections();
      await cluster?.close();
      wss.close();
    },
  };
}
