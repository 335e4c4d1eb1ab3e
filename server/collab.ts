import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { setTimeout as wait } from "node:timers/promises";
import { Hocuspocus, type Document } from "@hocuspocus/server";
import pLimit from "p-limit";
import { WebSocketServer } from "ws";
import { setChangeDocument } from "../lib/collab/gateway";
import { createSocketGuards } from "../lib/collab/socketGuards";
import { createStoreRetry, STORED_QUERY, storedMessage, type StoreMessage } from "../lib/collab/storeStatus";
import { UnstoredEdits } from "../lib/collab/unstoredEdits";
import { DocumentTooLarge, loadDocumentState, storeDocumentState } from "../lib/collab/persistence";
import { getDb } from "../lib/db";
import { ServiceUnavailable } from "../lib/errors";
import { getLogger } from "../lib/observability/logger";
import { getMetrics } from "../lib/observability/metrics";
import { createIdleVersioner, versionIfIdle } from "../lib/versions/autoVersions";
import * as Y from "yjs";
import { SocketAccess, type SocketContext } from "./collabAccess";
import { createCollabCluster, NOT_STORED_MESSAGE, STORE_TURN_MS } from "./collabCluster";
import { createDocumentRouter } from "./collabRouting";
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

/** Document stores one process runs at once (each one transaction on its own connection of the pool's 10). */
const STORE_CONCURRENCY = 2;

/** The snapshot a "stored" message carries, or null when `payload` is not one. */
function storedSnapshot(payload: string): Y.Snapshot | null {
  if (!payload.startsWith('{"type":"stored"')) return null;
  try {
    const message = JSON.parse(payload) as Partial<Extract<StoreMessage, { type: "stored" }>>;
    return typeof message.snapshot === "string" ? Y.decodeSnapshot(Buffer.from(message.snapshot, "base64")) : null;
  } catch {
    return null;
  }
}

/**
 * The collaboration server: Hocuspocus on the app's own port at /collab. Sockets are
 * authenticated with the user's session cookie and the policy module (viewers are
 * read-only); documents load from and store to PostgreSQL with their Section projection.
 * With REDIS_URL, several processes share each open document through Redis
 * (server/collabCluster.ts); without it, this process is on its own.
 */
export function createCollab(
  options: {
    gateLimits?: Partial<GateLimits>;
    accessRecheckMs?: number;
    storeDebounceMs?: { debounce: number; maxDebounce: number };
    /** with several processes: where the others reach this one, to hand it the sockets of documents it owns (server/collabRouting.ts) */
    peerUrl?: string;
    /**
     * With several processes: how long the process storing a document for all keeps that turn
     * after its last store, and how long a change made here may wait for a store that holds
     * it before this process stores it itself (the storing process died or missed it).
     */
    storeTurnMs?: number;
  } = {},
): Collab {
  const log = getLogger().child({ component: "collab" });
  const storeTurnMs = options.storeTurnMs ?? STORE_TURN_MS;
  // a change made here and not seen stored by the end of a turn is stored by this process
  const unstoredLimitMs = storeTurnMs;
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
  /** The idle version of a document, naming also the authors other processes handed over since its last store. */
  const versionNow = async (documentName: string, force = false) => {
    const handed = cluster ? await cluster.takeAuthors(documentName) : [];
    const made = await versionIfIdle(getDb(), documentName, { force, authorIds: handed }).catch((err: unknown) => {
      if (cluster) void cluster.handAuthors(documentName, handed).catch(() => undefined);
      throw err;
    });
    if (!made && cluster) await cluster.handAuthors(documentName, handed);
    return made;
  };
  const idle = createIdleVersioner((documentName) => versionNow(documentName));

  // the last stored state of each open document, as the "stored" message its editors get
  const lastStored = new Map<string, string>();
  const retries = createStoreRetry(async (documentName) => {
    const open = hocuspocus.documents.get(documentName);
    if (!open) return retries.succeeded(documentName);
    // a document kept in memory only for its retry goes once it is stored
    if ((await storeNow(documentName, open)) && open.getConnectionsCount() === 0) await hocuspocus.unloadDocument(open);
  });

  // A few stores at a time. Documents typed in since the same moment come due together; all
  // their stores at once would hold the event loop for the whole burst between two editors'
  // messages, a few at a time let those messages through between them.
  const storeSlots = pLimit(STORE_CONCURRENCY);
  const storeSpreadMs = options.storeDebounceMs?.debounce ?? 1000;

  /** Stores a document; true once stored. A failure is told to its editors and retried, never acknowledged. */
  const store = async (documentName: string, document: Document): Promise<boolean> => {
    if (!loaded.has(documentName)) {
      log.warn({ documentName }, "not storing a document that did not load");
      return false;
    }
    const editors = authors.get(documentName) ?? new Set<string>();
    authors.delete(documentName);
    // authors of edits made on other processes, which this store holds too
    if (cluster) for (const id of await cluster.takeAuthors(documentName)) editors.add(id);
    try {
      const { bytes, missing, snapshot } = await storeSlots(async () => {
        // taken in the same tick as the state storeDocumentState encodes
        const snapshot = Y.snapshot(document);
        return { ...(await storeDocumentState(getDb(), documentName, document, { authorIds: [...editors] })), snapshot };
      });
      const stored = JSON.stringify(storedMessage(snapshot));
      // what another process stored and this one lacked reaches this document and its editors
      if (missing) Y.applyUpdate(document, missing, STORED_ELSEWHERE);
      idle.touch(documentName);
      retries.succeeded(documentName);
      unstored.stored(documentName, snapshot);
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
        storeTurnMs,
        async storeHeld(documentId) {
          const open = hocuspocus.documents.get(documentId);
          return !open || storeNow(documentId, open);
        },
        onBroadcastElsewhere(documentId, payload) {
          // another process stored the document: what it holds of the edits made here is safe
          const snapshot = storedSnapshot(payload);
          if (!snapshot || !hocuspocus.documents.has(documentId)) return;
          unstored.stored(documentId, snapshot);
          lastStored.set(documentId, payload);
        },
      })
    : null;

  // With several processes, one stores each document for all (it holds the document's store
  // turn, server/collabCluster.ts): every process has every change, so three stores of
  // the same content would be two too many. The others keep the changes made on them
  // (`unstored`) until a store is seen to hold them, and store themselves when one waits
  // unstoredLimitMs (the storing process died or missed it), when their last editor
  // leaves, or for a server-side write, a flush, Ctrl/Cmd+S or shutdown (storeNow).
  const unstored = new UnstoredEdits();
  /** when this process last took each document's store turn */
  const turns = new Map<string, number>();
  const overdue = new Map<string, NodeJS.Timeout>();
  // with a second's margin for the time asking Redis took
  const holdsTurn = (documentName: string) => Date.now() - (turns.get(documentName) ?? 0) < storeTurnMs - 1000;
  const checkOverdue = (documentName: string) => {
    if (overdue.has(documentName)) return;
    const oldest = unstored.oldest(documentName);
    if (oldest === undefined) return;
    const timer = setTimeout(() => {
      overdue.delete(documentName);
      const open = hocuspocus.documents.get(documentName);
      const waited = unstored.oldest(documentName);
      if (!open || waited === undefined) return;
      if (Date.now() - waited >= unstoredLimitMs) void storeNow(documentName, open);
      else checkOverdue(documentName);
    }, Math.max(0, oldest + unstoredLimitMs - Date.now()));
    overdue.set(documentName, timer);
  };
  /** Whether hocuspocus's debounced store should store now (always, on one process). */
  const storesHere = async (documentName: string, document: Document, socketId: string): Promise<boolean> => {
    if (!cluster || socketId === "server") return true; // a server-side write is stored before it returns
    if (await cluster.storeTurn(documentName)) {
      turns.set(documentName, Date.now());
      return true;
    }
    turns.delete(documentName);
    const oldest = unstored.oldest(documentName);
    if (oldest === undefined) return false;
    // the document may unload once no editor here is left: what they typed is stored first
    if (document.getConnectionsCount() === 0 || Date.now() - oldest >= unstoredLimitMs) return true;
    // the process with the turn stores these edits; whose they are goes with them
    const editors = authors.get(documentName);
    authors.delete(documentName);
    if (editors?.size) {
      await cluster.handAuthors(documentName, [...editors]).catch((err: unknown) => {
        noteAuthors(documentName, editors);
        log.warn({ err, documentName }, "handing over authors failed");
      });
    }
    checkOverdue(documentName);
    return false;
  };

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
    async onChange(payload) {
      const { documentName, document, context, transactionOrigin, update } = payload;
      if (cluster && transactionOrigin === cluster.fromElsewhere) {
        // hocuspocus stores only changes made here; the process with the store turn stores all
        if (holdsTurn(documentName)) void hocuspocus.storeDocumentHooks(document, payload);
        return;
      }
      if (cluster && transactionOrigin !== STORED_ELSEWHERE) unstored.add(documentName, update);
      const userId = (context as { user?: { id?: string } } | undefined)?.user?.id;
      if (!userId || userId === "server") return;
      noteAuthors(documentName, [userId]);
      // a section an editor just added has its text fields as null: make them shared text
      // before two people type their first characters into one of them at once
      guards.shareText(documentName, document);
    },
    async onStoreDocument({ documentName, document, socketId }) {
      // Documents whose editors began at one moment (a restart, everyone reconnecting at
      // once) come due together every maxDebounce, and stay together; a random wait of up to
      // one debounce before each store spreads the burst out
      if (socketId !== "server") await wait(Math.random() * storeSpreadMs);
      const here = await storesHere(documentName, document, socketId);
      metrics.collabStores.inc({ by: here ? "this process" : "another process" });
      if (here) await store(documentName, document);
    },
    async beforeHandleMessage({ documentName, connection, update }) {
      if (!watchedConnections.has(connection)) {
        watchedConnections.add(connection);
        // what is held back for this socket goes with it
        connection.onClose(() => guards.forget(documentName, connection));
      }
      const context = connection.context as Partial<SocketContext> | undefined;
      const refused = guards.refusal(documentName, update, connection.readOnly, connection, context?.suggestOnly ? context.user?.id : null);
      if (!refused) return;
      log.warn({ documentName, reason: refused.message }, "socket change refused");
      connection.sendStateless(JSON.stringify(refused));
      // no message: hocuspocus closes this document's connection without logging it again
      throw Object.assign(new Error(), { code: 4400, reason: "update-refused" });
    },
    async beforeUnloadDocument({ documentName, document }) {
      // what was typed here and is not yet seen stored goes to PostgreSQL before the document leaves memory
      if (unstored.oldest(documentName) !== undefined) await storeNow(documentName, document);
      // a document whose store failed stays in memory until its retry stores it
      if (retries.pending(documentName)) throw new Error();
    },
    async afterUnloadDocument({ documentName }) {
      loaded.delete(documentName);
      lastStored.delete(documentName);
      unstored.forget(documentName);
      turns.delete(documentName);
      clearTimeout(overdue.get(documentName));
      overdue.delete(documentName);
      guards.close(documentName);
      router?.released(documentName);
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
  const serve = (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (ws instanceof GatedWebSocket) ws.coalesceWrites(socket);
      gates.attach(ws, req);
      hocuspocus.handleConnection(ws, req);
    });
  // with several processes, each open document has one owner that serves all its editors
  const router = redisUrl && options.peerUrl ? createDocumentRouter({ url: redisUrl, self: options.peerUrl, held: () => hocuspocus.documents.keys(), log }) : null;
  return {
    hocuspocus,
    handleUpgrade(req, socket, head) {
      if (router) router.route(req, socket, head, () => serve(req, socket, head));
      else serve(req, socket, head);
    },
    async close() {
      access.stop();
      // new sockets for these documents go to processes that stay
      await router?.close();
      for (const timer of overdue.values()) clearTimeout(timer);
      setChangeDocument(undefined);
      await Promise.all([...hocuspocus.documents.entries()].map(([name, doc]) => storeNow(name, doc)));
      retries.stop(); // what failed now is logged; PostgreSQL stops after this
      // edits still waiting for their idle pause are versioned now
      await Promise.all(idle.stop().map((name) => versionNow(name, true).catch((err: unknown) => log.error({ documentName: name, err }, "version failed"))));
      hocuspocus.closeConnections();
      // a store hocuspocus had scheduled (for a change that came in during the stores above)
      // runs now, while PostgreSQL is still up, not after it stopped
      await Promise.all([...hocuspocus.documents.keys()].map((name) => hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`)));
      await cluster?.close();
      wss.close();
    },
  };
}
