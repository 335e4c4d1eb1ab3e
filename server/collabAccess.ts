import { OutgoingMessage, type beforeHandleMessagePayload, type Connection, type connectedPayload, type Extension, type Hocuspocus, type onAuthenticatePayload, type onConfigurePayload } from "@hocuspocus/server";
import type { Logger } from "pino";
import { onAccessChange, type AccessChange } from "../lib/access/accessEvents";
import { isSessionLive, type SessionClaims } from "../lib/auth/sessions";
import { authorizeSocket } from "../lib/collab/authorizeSocket";
import { encodeNotice } from "../lib/collab/socketNotices";
import type { Db } from "../lib/db";
import { DomainError, Unauthenticated } from "../lib/errors";
import { sessionFromCookies } from "./collabSession";
import type { SocketGates } from "./socketGate";

/** What every authenticated connection carries: who it is, and the session it came with. */
export interface SocketContext {
  user: { id: string; name: string };
  claims: SessionClaims & { sub: string };
  /** the access-change count when authentication started (see `connected`) */
  accessGeneration: number;
  /** a viewer assigned as a reviewer: their changes must be suggestions (lib/collab/suggestOnly.ts); follows access changes */
  suggestOnly: boolean;
}

type Verdict = { access: "none" } | { access: "read" | "suggest" | "write"; name: string };

function contextOf(connection: Connection): SocketContext | undefined {
  const context = connection.context as Partial<SocketContext> | undefined;
  return context?.user && context.claims ? (context as SocketContext) : undefined;
}

/** Forbidden, as @hocuspocus/common closes a document connection */
const ACCESS_LOST = { code: 4403, reason: "access-lost" };

/**
 * Access for collaboration sockets, decided when one connects and again whenever it may
 * have changed: on every access change published in this process or, with REDIS_URL, in
 * another process of the cluster (within milliseconds), and every `recheckMs` as a safety
 * net for changes no one published (e.g. made in the database by a script). A connection
 * that lost view access (removed, document trashed, session no longer live) is told
 * `access-lost` and its document connection is closed (the WebSocket follows when it carries
 * no other document: see socketGate.ts); one that lost edit access becomes read-only on the server and
 * is told `read-only` (`writable` when it is back); a viewer assigned as a reviewer is told
 * `suggest-only`, and only suggestions of theirs reach the document. Messages arriving while a re-check is
 * under way wait for its verdict, so an edit sent after the change is refused.
 */
export class SocketAccess implements Extension {
  extensionName = "specwright-socket-access";
  // before every other extension: nothing runs for a connection that lost access
  priority = 1000;
  private instance?: Hocuspocus;
  private readonly pending = new WeakMap<Connection, Promise<void>>();
  private readonly revoked = new WeakSet<Connection>();
  private generation = 0;
  private stopListening?: () => void;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly options: { db: () => Db; log: Logger; gates?: SocketGates; recheckMs?: number },
  ) {}

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
    this.stopListening = onAccessChange((change) => this.handleAccessChange(change));
    this.timer = setInterval(() => void this.recheck(this.connections()), this.options.recheckMs ?? 30_000);
    this.timer.unref();
  }

  /** Stops listening for changes and re-checking. */
  stop(): void {
    this.stopListening?.();
    clearInterval(this.timer);
  }

  async onAuthenticate({ requestHeaders, documentName, connectionConfig, request }: onAuthenticatePayload): Promise<SocketContext> {
    const gate = this.options.gates?.of(request);
    gate?.authenticating(documentName, connectionConfig);
    try {
      const accessGeneration = this.generation;
      const claims = await sessionFromCookies(requestHeaders.cookie);
      if (!claims || !(await isSessionLive(this.options.db(), claims))) throw new Unauthenticated();
      const access = await authorizeSocket(this.options.db(), claims.sub, documentName);
      connectionConfig.readOnly = access.readOnly;
      return { user: { id: access.userId, name: access.name }, claims, accessGeneration, suggestOnly: access.suggestOnly };
    } catch (error) {
      gate?.denied(documentName);
      throw error;
    }
  }

  async connected({ connection, documentName, request }: connectedPayload): Promise<void> {
    this.options.gates?.of(request)?.connected(documentName, connection);
    // access changed while this connection was being authenticated or loaded
    if (contextOf(connection)?.accessGeneration !== this.generation) void this.recheck([connection]);
  }

  async beforeHandleMessage({ connection }: beforeHandleMessagePayload): Promise<void> {
    await this.pending.get(connection);
    if (this.revoked.has(connection)) throw new Error("access-lost");
  }

  private handleAccessChange(change: AccessChange): void {
    this.generation += 1;
    const affected = this.connections().filter((connection) => {
      if (change.kind === "document") return connection.document.name === change.documentId;
      return contextOf(connection)?.user.id === change.userId;
    });
    void this.recheck(affected);
  }

  private connections(): Connection[] {
    return [...(this.instance?.documents.values() ?? [])].flatMap((document) => document.getConnections());
  }

  /** Re-decides access for `connections`, one verdict per user, session and document. */
  private recheck(connections: Connection[]): Promise<void[]> {
    const verdicts = new Map<string, Promise<Verdict>>();
    return Promise.all(
      connections.map((connection) => {
        const previous = this.pending.get(connection) ?? Promise.resolve();
        const next = previous
          .then(() => this.apply(connection, verdicts))
          .catch((err: unknown) => this.options.log.error({ err, documentName: connection.document.name }, "socket access re-check failed"))
          .finally(() => {
            if (this.pending.get(connection) === next) this.pending.delete(connection);
          });
        this.pending.set(connection, next);
        return next;
      }),
    );
  }

  private async apply(connection: Connection, verdicts: Map<string, Promise<Verdict>>): Promise<void> {
    if (this.revoked.has(connection) || !connection.document.hasConnection(connection)) return;
    const context = contextOf(connection);
    const key = context ? JSON.stringify([context.user.id, context.claims.sid ?? null, connection.document.name]) : "";
    if (context && !verdicts.has(key)) verdicts.set(key, this.decide(context, connection.document.name));
    const verdict: Verdict = context ? await verdicts.get(key)! : { access: "none" };
    if (verdict.access === "none") return this.revoke(connection);
    const readOnly = verdict.access === "read";
    const suggestOnly = verdict.access === "suggest";
    if (connection.readOnly === readOnly && context?.suggestOnly === suggestOnly) return;
    if (context) context.suggestOnly = suggestOnly;
    connection.readOnly = readOnly;
    connection.sendStateless(encodeNotice({ type: readOnly ? "read-only" : suggestOnly ? "suggest-only" : "writable" }));
    // writable again: ask the client for what the server refused meanwhile, or its later edits never apply
    if (!readOnly) connection.send(new OutgoingMessage(connection.document.name).createSyncMessage().writeFirstSyncStepFor(connection.document).toUint8Array());
    this.options.log.info({ documentName: connection.document.name, userId: context?.user.id, readOnly, suggestOnly }, "socket access changed");
  }

  private async decide(context: SocketContext, documentName: string): Promise<Verdict> {
    const db = this.options.db();
    if (!(await isSessionLive(db, context.claims))) return { access: "none" };
    try {
      const access = await authorizeSocket(db, context.user.id, documentName);
      return { access: access.suggestOnly ? "suggest" : access.readOnly ? "read" : "write", name: access.name };
    } catch (error) {
      if (error instanceof DomainError) return { access: "none" };
      throw error;
    }
  }

  private revoke(connection: Connection): void {
    this.revoked.add(connection);
    connection.readOnly = true;
    connection.sendStateless(encodeNotice({ type: "access-lost" }));
    connection.close(ACCESS_LOST);
    this.options.log.info({ documentName: connection.document.name, userId: contextOf(connection)?.user.id }, "socket access lost");
  }
}
