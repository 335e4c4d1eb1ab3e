import { randomUUID } from "node:crypto";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import { OutgoingMessage, type afterUnloadDocumentPayload, type onChangePayload } from "@hocuspocus/server";
import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Logger } from "pino";
import { messageYjsSyncStep2 } from "y-protocols/sync";
import { z } from "zod";
import { accessChangeSchema, receiveAccessChange, setAccessRelay } from "../lib/access/accessEvents";
import { ServiceUnavailable } from "../lib/errors";

/** How long a flush waits for every process holding the document to store it. */
export const FLUSH_TIMEOUT_MS = 10_000;

export const NOT_STORED_MESSAGE = "The latest changes to this document are not saved yet; the server keeps trying. Try again in a moment.";

const PREFIX = "specwright";
const FLUSH_CHANNEL = `${PREFIX}:flush`;
const ACCESS_CHANNEL = `${PREFIX}:access`;
const flushedChannel = (processId: string) => `${PREFIX}:flushed:${processId}`;

const flushRequest = z.object({ id: z.string().min(1), documentId: z.string().min(1), from: z.string().min(1) });
const flushReply = z.object({ id: z.string().min(1), ok: z.boolean() });
const accessMessage = z.object({ from: z.string().min(1), change: accessChangeSchema });

const DOCUMENT_PREFIX = `${PREFIX}:doc`;

/** How often, at most, a process asks the others for what it lacks of a document it changes. */
export const CATCH_UP_MS = 5_000;

/**
 * How long the process that stores a document for all keeps that turn after its last store
 * (see `storeTurn`). A process that dies loses it this long after its last store.
 */
export const STORE_TURN_MS = 10_000;

// the store turn: taken when nobody holds it, kept (renewed) by its holder
const TAKE_TURN = `
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;
// the authors handed over for the next store, read and cleared at once
const TAKE_AUTHORS = `
local ids = redis.call('SMEMBERS', KEYS[1])
redis.call('DEL', KEYS[1])
return ids`;
/** How long handed-over authors wait for a store before they are dropped. */
const AUTHORS_TTL_MS = 60 * 60_000;
// Hocuspocus message type of a stateless message to every editor (@hocuspocus/server MessageType)
const BROADCAST_STATELESS = 6;

/**
 * The Redis extension relays edits, awareness and broadcasts between processes. Changed here:
 * - its store lock is left out: with it, a process that finds another one storing skips its
 *   own store, and the edits only it received wait for its next change. Stores merge under
 *   PostgreSQL's row lock instead (lib/collab/persistence.ts), so every process stores what
 *   it holds;
 * - each change is published whole, once (as a sync step 2, which receivers apply without
 *   answering). The extension's own relay publishes a state vector per change instead, which
 *   every other process answers with a sync step 2 and a state vector of its own, answered
 *   again by all: about eight messages per keystroke, each decoded and diffed by every
 *   process. That exchange now runs only to catch up: at most once per `CATCH_UP_MS` for a
 *   document this process changes, on load (the extension's own), and for every open
 *   document whenever the subscription reconnects, since Redis drops what is published
 *   while a subscriber is away.
 */
class MergingRedisExtension extends RedisExtension {
  private readonly catchUps = new Map<string, NodeJS.Timeout>();
  /**
   * Documents no other process holds, as far as this one knows: the last change published
   * reached only this process's own subscription (one process owns each open document,
   * server/collabRouting.ts). Their changes are not published. A process that opens one
   * subscribes first, then publishes its state vector: receiving anything from another
   * process about a document ends this, and the answer to that state vector carries every
   * change left unpublished meanwhile.
   */
  private readonly alone = new Set<string>();
  /** messages received from other processes, by document (a publish racing one must not conclude it is alone) */
  private readonly heardFrom = new Map<string, number>();

  constructor(
    configuration: ConstructorParameters<typeof RedisExtension>[0],
    private readonly log: Logger,
    onBroadcastElsewhere: (documentName: string, payload: string) => void,
  ) {
    super(configuration);
    let connectedBefore = false;
    this.sub.on("ready", () => {
      // what others published while this subscription was away is unknown: publish again
      this.alone.clear();
      if (connectedBefore) for (const name of this.instance?.documents.keys() ?? []) this.catchUp(name);
      connectedBefore = true;
    });
    this.sub.on("messageBuffer", (_channel: Buffer, data: Buffer) => {
      const from = this.fromElsewhere(data);
      if (from) {
        this.alone.delete(from.documentName);
        this.heardFrom.set(from.documentName, (this.heardFrom.get(from.documentName) ?? 0) + 1);
      }
      const broadcast = from && this.broadcastIn(from);
      if (broadcast) onBroadcastElsewhere(broadcast.documentName, broadcast.payload);
    });
  }

  /** A message another process published about a document: its name and a decoder at the message type. */
  private fromElsewhere(data: Buffer): { documentName: string; decoder: decoding.Decoder } | null {
    try {
      const idLength = data[0] ?? 0;
      if (data.subarray(1, 1 + idLength).toString("utf8") === this.configuration.identifier) return null;
      const decoder = decoding.createDecoder(data.subarray(1 + idLength));
      return { documentName: decoding.readVarString(decoder), decoder };
    } catch {
      return null; // not ours to read; the extension drops what it cannot read
    }
  }

  /** The stateless message to every editor that another process published, if the message is one (framing as the extension's). */
  private broadcastIn({ documentName, decoder }: { documentName: string; decoder: decoding.Decoder }): { documentName: string; payload: string } | null {
    try {
      if (decoding.readVarUint(decoder) !== BROADCAST_STATELESS) return null;
      return { documentName, payload: decoding.readVarString(decoder) };
    } catch {
      return null;
    }
  }

  override async onStoreDocument(): Promise<void> {}

  override async afterStoreDocument(): Promise<void> {}

  override async beforeUnloadDocument(): Promise<void> {}

  override async onChange(data: onChangePayload): Promise<void> {
    if (data.transactionOrigin === this.redisTransactionOrigin) return;
    const name = data.documentName;
    if (!this.catchUps.has(name)) this.catchUps.set(name, setTimeout(() => this.catchUp(name), CATCH_UP_MS));
    if (this.alone.has(name)) return;
    const message = new OutgoingMessage(name).createSyncMessage();
    encoding.writeVarUint(message.encoder, messageYjsSyncStep2);
    encoding.writeVarUint8Array(message.encoder, data.update);
    const before = this.heardFrom.get(name) ?? 0;
    // PUBLISH answers how many subscribers heard it: this process's own is one
    const heard = await this.pub.publish(`${DOCUMENT_PREFIX}:${name}`, Buffer.concat([this.messagePrefix, Buffer.from(message.toUint8Array())]));
    if (heard <= 1 && (this.heardFrom.get(name) ?? 0) === before && this.instance?.documents.has(name)) this.alone.add(name);
  }

  override async afterUnloadDocument(data: afterUnloadDocumentPayload): Promise<void> {
    this.clearCatchUp(data.documentName);
    this.alone.delete(data.documentName);
    this.heardFrom.delete(data.documentName);
    return super.afterUnloadDocument(data);
  }

  override async onDestroy(): Promise<void> {
    for (const name of [...this.catchUps.keys()]) this.clearCatchUp(name);
    return super.onDestroy();
  }

  /** Publishes this process's state vector of the document: the others answer with what it lacks, and ask for what they lack. */
  private catchUp(documentName: string): void {
    this.clearCatchUp(documentName);
    const document = this.instance?.documents.get(documentName);
    if (!document) return;
    const message = new OutgoingMessage(documentName).createSyncMessage().writeFirstSyncStepFor(document);
    this.pub
      .publish(`${DOCUMENT_PREFIX}:${documentName}`, Buffer.concat([this.messagePrefix, Buffer.from(message.toUint8Array())]))
      // someone else holds it: its changes are published again (the answer brings it up to date)
      .then((heard) => void (heard > 1 && this.alone.delete(documentName)))
      .catch((err: unknown) => this.log.warn({ err, documentName }, "asking other processes for missed changes failed"));
  }

  private clearCatchUp(documentName: string): void {
    clearTimeout(this.catchUps.get(documentName));
    this.catchUps.delete(documentName);
  }
}

export interface CollabCluster {
  /** The Hocuspocus extension that shares documents between processes. */
  extension: RedisExtension;
  /** The transaction origin of changes that came from another process. */
  fromElsewhere: string;
  /**
   * Whether this process stores the document for all now: true when nobody else has that
   * turn, which it then keeps for `storeTurnMs` after each store. True also when Redis
   * cannot be asked: a store too many is harmless (stores merge), one too few is not.
   */
  storeTurn(documentId: string): Promise<boolean>;
  /** Hands the authors of edits made here to whichever process stores the document next. */
  handAuthors(documentId: string, userIds: string[]): Promise<void>;
  /** The authors handed over for the document, cleared (the caller stores their edits or hands them back). */
  takeAuthors(documentId: string): Promise<string[]>;
  /**
   * Makes every process holding the document (this one included) store it, and waits for
   * all of them. Throws ServiceUnavailable when one fails or does not answer in time.
   */
  flush(documentId: string): Promise<void>;
  close(): Promise<void>;
}

interface PendingFlush {
  expected: number | null;
  replies: number;
  failed: boolean;
  settle(error?: Error): void;
}

/**
 * Links this process's collaboration server to the others through Redis (`url`): the
 * Hocuspocus Redis extension for documents, and pub/sub channels for flush requests and
 * access changes. `storeHeld` stores a document if this process holds it; false when that
 * store failed.
 */
export function createCollabCluster(options: {
  url: string;
  log: Logger;
  storeHeld(documentId: string): Promise<boolean>;
  /** how long the process storing a document for all keeps that turn after its last store (STORE_TURN_MS) */
  storeTurnMs?: number;
  /** a stateless message another process sent to every editor of a document (e.g. that it stored it) */
  onBroadcastElsewhere?(documentId: string, payload: string): void;
}): CollabCluster {
  const { url, log, storeTurnMs = STORE_TURN_MS } = options;
  const processId = randomUUID();
  const connect = (role: string) => {
    const client = new Redis(url, { lazyConnect: false });
    client.on("error", (err: unknown) => log.warn({ err, role }, "redis connection error"));
    return client;
  };
  const extension = new MergingRedisExtension({ createClient: () => connect("documents"), identifier: `${PREFIX}-${processId}`, prefix: DOCUMENT_PREFIX }, log, (name, payload) =>
    options.onBroadcastElsewhere?.(name, payload),
  );
  const pub = connect("publish");
  const sub = connect("subscribe");
  const pending = new Map<string, PendingFlush>();

  const parse = <T>(schema: z.ZodType<T>, raw: string): T | null => {
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: dropped below
    }
    log.warn({ raw: raw.slice(0, 200) }, "unreadable cluster message dropped");
    return null;
  };

  const answerFlush = async (raw: string) => {
    const request = parse(flushRequest, raw);
    if (!request) return;
    const ok = await options.storeHeld(request.documentId).catch((err: unknown) => {
      log.error({ err, documentId: request.documentId }, "store for a flush failed");
      return false;
    });
    await pub.publish(flushedChannel(request.from), JSON.stringify({ id: request.id, ok }));
  };

  const countReply = (raw: string) => {
    const reply = parse(flushReply, raw);
    const flush = reply && pending.get(reply.id);
    if (!reply || !flush) return;
    flush.replies += 1;
    if (!reply.ok) flush.failed = true;
    if (flush.expected !== null && flush.replies >= flush.expected) flush.settle();
  };

  sub.on("message", (channel: string, raw: string) => {
    if (channel === FLUSH_CHANNEL) return void answerFlush(raw).catch((err: unknown) => log.error({ err }, "answering a flush failed"));
    if (channel === flushedChannel(processId)) return countReply(raw);
    if (channel !== ACCESS_CHANNEL) return;
    const message = parse(accessMessage, raw);
    if (message && message.from !== processId) receiveAccessChange(message.change);
  });
  const subscribed = sub.subscribe(FLUSH_CHANNEL, ACCESS_CHANNEL, flushedChannel(processId));
  subscribed.catch((err: unknown) => log.error({ err }, "subscribing to cluster channels failed"));

  setAccessRelay((change) => {
    pub.publish(ACCESS_CHANNEL, JSON.stringify({ from: processId, change })).catch((err: unknown) => log.error({ err, change }, "relaying an access change failed"));
  });

  const turnKey = (documentId: string) => `${PREFIX}:store-turn:${documentId}`;
  const authorsKey = (documentId: string) => `${PREFIX}:authors:${documentId}`;

  return {
    extension,
    fromElsewhere: extension.redisTransactionOrigin,
    async storeTurn(documentId) {
      try {
        return (await pub.eval(TAKE_TURN, 1, turnKey(documentId), processId, storeTurnMs)) === 1;
      } catch (err) {
        log.warn({ err, documentId }, "asking for the store turn failed; storing anyway");
        return true;
      }
    },
    async handAuthors(documentId, userIds) {
      if (!userIds.length) return;
      await pub.multi().sadd(authorsKey(documentId), ...userIds).pexpire(authorsKey(documentId), AUTHORS_TTL_MS).exec();
    },
    async takeAuthors(documentId) {
      const ids = await pub.eval(TAKE_AUTHORS, 1, authorsKey(documentId)).catch((err: unknown) => {
        log.warn({ err, documentId }, "reading handed-over authors failed");
        return [];
      });
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
    },
    async flush(documentId) {
      const id = randomUUID();
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => flush.settle(new ServiceUnavailable(NOT_STORED_MESSAGE)), FLUSH_TIMEOUT_MS);
        const flush: PendingFlush = {
          expected: null,
          replies: 0,
          failed: false,
          settle(error) {
            clearTimeout(timer);
            pending.delete(id);
            if (error || flush.failed) reject(error ?? new ServiceUnavailable(NOT_STORED_MESSAGE));
            else resolve();
          },
        };
        pending.set(id, flush);
      });
      try {
        await subscribed; // replies come to this process's channel
        // PUBLISH answers how many processes heard the request: each of them replies once
        const expected = await pub.publish(FLUSH_CHANNEL, JSON.stringify({ id, documentId, from: processId }));
        const flush = pending.get(id);
        if (flush) {
          flush.expected = expected;
          if (flush.replies >= expected) flush.settle();
        }
      } catch (err) {
        log.error({ err, documentId }, "requesting a flush failed");
        pending.get(id)?.settle(new ServiceUnavailable(NOT_STORED_MESSAGE));
      }
      return done;
    },
    async close() {
      setAccessRelay(undefined);
      for (const flush of pending.values()) flush.settle(new ServiceUnavailable(NOT_STORED_MESSAGE));
      await extension.onDestroy();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
