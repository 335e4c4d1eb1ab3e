import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { MessageType, type Connection, type ConnectionConfiguration, type Document } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Logger } from "pino";
import WebSocket from "ws";
import { sanitizeAwarenessUpdate } from "../lib/collab/awarenessFilter";

/** How much a socket may send before it proves who it is, and how much may wait for a document. */
export interface GateLimits {
  /** a socket with no authenticated document by then is closed */
  authTimeoutMs: number;
  /** messages and bytes a socket may send before one of its documents is authenticated */
  preAuthMessages: number;
  preAuthBytes: number;
  /** bytes Hocuspocus may hold for documents still authenticating or loading, per socket */
  queuedBytes: number;
}

export const DEFAULT_GATE_LIMITS: GateLimits = { authTimeoutMs: 10_000, preAuthMessages: 16, preAuthBytes: 64 * 1024, queuedBytes: 16 * 1024 * 1024 };

// 4401/4403 as @hocuspocus/common names them; 1008 is the WebSocket "policy violation"
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_POLICY = 1008;

/** The open document of that name, if any. */
export type DocumentLookup = (documentName: string) => Document | undefined;

interface DocState {
  config?: ConnectionConfiguration;
  denied: boolean;
  /** bytes handed to Hocuspocus while the document was not yet connected (it queues them) */
  queued: number;
  connection?: Connection;
}

function bytesOf(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data) && data.every((d) => d instanceof Uint8Array)) return Buffer.concat(data);
  return null;
}

/**
 * Stands between one WebSocket and Hocuspocus. Before any document on the socket is
 * authenticated it admits a handful of small messages (the first must be authentication)
 * and closes the socket after a timeout, a refused authentication or anything more; it caps
 * the bytes Hocuspocus queues while documents authenticate or load; and it drops what no
 * client may send to others: relayed stateless messages (`BroadcastStateless`) and
 * awareness entries for someone else's client, or with made-up fields or names.
 */
export class SocketGate {
  private readonly docs = new Map<string, DocState>();
  private preAuth = { messages: 0, bytes: 0 };
  /** once a document was authenticated, stray messages are dropped rather than fatal */
  private everAuthenticated = false;
  private closed = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly documents: DocumentLookup,
    private readonly limits: GateLimits,
    private readonly log: Logger,
  ) {
    this.arm();
    ws.once("close", () => {
      this.closed = true;
      clearTimeout(this.timer);
    });
  }

  /** Closes the socket after the timeout unless a document is authenticated (or authenticating) by then. */
  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.authenticated() && !this.pending()) this.shut("no authenticated document", CLOSE_UNAUTHORIZED);
    }, this.limits.authTimeoutMs);
  }

  /** onAuthenticate started for `documentName` with this connection configuration. */
  authenticating(documentName: string, config: ConnectionConfiguration): void {
    const state = this.docs.get(documentName) ?? { denied: false, queued: 0 };
    state.config = config;
    this.docs.set(documentName, state);
  }

  /** onAuthenticate refused `documentName`: a socket left with nothing authenticated is closed. */
  denied(documentName: string): void {
    const state = this.docs.get(documentName) ?? { denied: false, queued: 0 };
    state.denied = true;
    this.docs.set(documentName, state);
    if (this.authenticated() || this.pending()) return;
    // after Hocuspocus has sent the refusal, so the client learns why
    if (!this.everAuthenticated) setImmediate(() => this.shut("authentication refused", CLOSE_UNAUTHORIZED));
    else this.arm();
  }

  /** The document's connection is established: queued messages were handed over. */
  connected(documentName: string, connection: Connection): void {
    const state = this.docs.get(documentName) ?? { denied: false, queued: 0 };
    if (state.connection === connection) return;
    state.connection = connection;
    state.queued = 0;
    this.docs.set(documentName, state);
    connection.onClose(() => {
      if (this.docs.get(documentName)?.connection === connection) this.docs.delete(documentName);
      // a socket left without documents (access lost, provider detached) gets the timeout again
      if (!this.authenticated() && !this.pending()) this.arm();
    });
  }

  /** The message to hand to Hocuspocus for `data`, or null to drop it. */
  admit(data: unknown): Uint8Array | null {
    if (this.closed) return null;
    const bytes = bytesOf(data);
    let documentName: string;
    let type: number;
    try {
      if (!bytes) throw new Error("not binary");
      const decoder = decoding.createDecoder(bytes);
      documentName = decoding.readVarString(decoder);
      type = decoding.readVarUint(decoder);
    } catch {
      this.shut("malformed message", CLOSE_POLICY, true);
      return null;
    }
    if (type === MessageType.BroadcastStateless) return null;
    // Hocuspocus hands queued messages over as soon as the connection exists, before its hook runs
    const established = this.documents(documentName)?.connections.get(this.ws)?.connection;
    if (established) this.connected(documentName, established);
    const state = this.docs.get(documentName);
    if (state?.connection) return type === MessageType.Awareness ? this.awareness(bytes, documentName, state.connection) : bytes;

    if (!this.everAuthenticated && !this.authenticated()) {
      this.preAuth.messages += 1;
      this.preAuth.bytes += bytes.length;
      if (this.preAuth.messages > this.limits.preAuthMessages || this.preAuth.bytes > this.limits.preAuthBytes) {
        this.shut("too much before authentication", CLOSE_POLICY, true);
        return null;
      }
    }
    if (!state) {
      // a document's first message must be its authentication (also after its connection closed)
      if (type === MessageType.Auth) {
        this.docs.set(documentName, { denied: false, queued: bytes.length });
        return bytes;
      }
      if (!this.everAuthenticated) this.shut("first message is not authentication", CLOSE_UNAUTHORIZED);
      return null;
    }
    if (state.denied) {
      if (!this.everAuthenticated) this.shut("message after a refused authentication", CLOSE_UNAUTHORIZED);
      return null;
    }
    // still authenticating or loading: Hocuspocus queues this until the document is ready
    if (this.queued() + bytes.length > this.limits.queuedBytes) {
      this.shut("too much queued while a document loads", CLOSE_POLICY, true);
      return null;
    }
    state.queued += bytes.length;
    return bytes;
  }

  private awareness(bytes: Uint8Array, documentName: string, connection: Connection): Uint8Array | null {
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarString(decoder);
    decoding.readVarUint(decoder);
    const others = [...connection.document.connections.entries()].filter(([ws]) => ws !== this.ws).map(([, entry]) => entry.clients);
    const name = (connection.context as { user?: { name?: unknown } } | undefined)?.user?.name;
    let update: Uint8Array;
    try {
      update = decoding.readVarUint8Array(decoder);
    } catch {
      return null;
    }
    const clean = sanitizeAwarenessUpdate(update, {
      owns: (clientId) => !others.some((clients) => clients.has(clientId)),
      name: typeof name === "string" ? name : "",
    });
    if (!clean) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, clean);
    return encoding.toUint8Array(encoder);
  }

  private authenticated(): boolean {
    for (const state of this.docs.values()) {
      if (state.config?.isAuthenticated && !state.denied) {
        this.everAuthenticated = true;
        return true;
      }
    }
    return false;
  }

  private pending(): boolean {
    for (const state of this.docs.values()) if (!state.denied && !state.config?.isAuthenticated) return true;
    return false;
  }

  private queued(): number {
    let total = 0;
    for (const state of this.docs.values()) if (!state.connection) total += state.queued;
    return total;
  }

  private shut(reason: string, code: number, hard = false): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.log.warn({ reason }, "collaboration socket closed");
    // a hostile sender is cut off at once
    if (hard) return this.ws.terminate();
    // others are told why, and nothing more is read from them (a big frame stays unread)
    this.ws.close(code, reason);
    this.ws.pause();
    setTimeout(() => this.ws.terminate(), 250).unref();
  }
}

type SendData = Parameters<WebSocket["send"]>[0];
type SendOptions = Parameters<WebSocket["send"]>[1];
type SendCallback = Parameters<WebSocket["send"]>[2];

/** A WebSocket whose incoming messages pass its gate before Hocuspocus sees them. */
export class GatedWebSocket extends WebSocket {
  gate?: SocketGate;
  private wire?: Duplex;
  private corked = false;

  /**
   * Frames sent to this socket in one turn of the event loop leave in one write: a process
   * catching up after a busy moment sends each editor the changes it held back together,
   * not one system call per change.
   */
  coalesceWrites(wire: Duplex): void {
    this.wire = wire;
  }

  override send(data: SendData, cb?: SendCallback): void;
  override send(data: SendData, options: SendOptions, cb?: SendCallback): void;
  override send(data: SendData, options?: SendOptions | SendCallback, cb?: SendCallback): void {
    const wire = this.wire;
    if (wire && !this.corked && this.readyState === WebSocket.OPEN) {
      this.corked = true;
      wire.cork();
      setImmediate(() => {
        this.corked = false;
        wire.uncork();
      });
    }
    if (typeof options === "object") super.send(data, options, cb);
    else super.send(data, options);
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "message" || !this.gate) return super.emit(event, ...args);
    const admitted = this.gate.admit(args[0]);
    return admitted ? super.emit(event, Buffer.from(admitted.buffer, admitted.byteOffset, admitted.byteLength), ...args.slice(1)) : false;
  }
}

/** The gate of each upgrade request's socket, for the hooks that only see the request. */
export class SocketGates {
  private readonly byRequest = new WeakMap<IncomingMessage, SocketGate>();

  constructor(
    private readonly documents: DocumentLookup,
    private readonly log: Logger,
    private readonly limits: GateLimits = DEFAULT_GATE_LIMITS,
  ) {}

  attach(ws: WebSocket, request: IncomingMessage): void {
    const gate = new SocketGate(ws, this.documents, this.limits, this.log);
    if (ws instanceof GatedWebSocket) ws.gate = gate;
    this.byRequest.set(request, gate);
  }

  of(request: IncomingMessage): SocketGate | undefined {
    return this.byRequest.get(request);
  }
}
