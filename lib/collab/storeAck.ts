import { fromBase64 } from "lib0/buffer";
import * as Y from "yjs";

type DeleteSet = Y.Transaction["deleteSet"];

/** The client's request for the last stored snapshot (sent when it has synced). */
export const STORED_QUERY = "stored?";

/** Whether this client's changes are stored: "Saved", "Saving…", or "Not saved, retrying". */
export type StoreAckState = "stored" | "pending" | "failing";

function coveredBy(changes: DeleteSet, stored: DeleteSet): boolean {
  for (const [client, items] of changes.clients) {
    for (const { clock, len } of items) {
      for (let c = clock; c < clock + len; c++) if (!Y.isDeleted(stored, Y.createID(client, c))) return false;
    }
  }
  return true;
}

/**
 * Tracks the changes made in this client (every transaction not applied by the socket)
 * until the server reports a stored state that holds them, like the provider's
 * `unsyncedChanges`, but for stored rather than received. Inserts are held as clocks per
 * client, deletions as delete sets, both compared with the stored snapshot (state vector
 * and delete set) the server sends after each store (see storeStatus.ts).
 */
export class StoreAck {
  private readonly clocks = new Map<number, number>();
  private deletes: DeleteSet[] = [];
  private failing = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly isRemote: (origin: unknown) => boolean,
  ) {
    ydoc.on("afterTransaction", this.onTransaction);
  }

  private readonly onTransaction = (tr: Y.Transaction) => {
    if (this.isRemote(tr.origin)) return;
    let changed = false;
    tr.afterState.forEach((clock, client) => {
      if (clock > (tr.beforeState.get(client) ?? 0)) {
        this.clocks.set(client, Math.max(clock, this.clocks.get(client) ?? 0));
        changed = true;
      }
    });
    if (tr.deleteSet.clients.size) {
      this.deletes.push(tr.deleteSet);
      changed = true;
    }
    if (changed) this.emit();
  };

  /** The server stored the document; `snapshot` is Y.encodeSnapshot of what it stored. */
  stored(snapshot: Uint8Array): void {
    const { sv, ds } = Y.decodeSnapshot(snapshot);
    for (const [client, clock] of this.clocks) if ((sv.get(client) ?? 0) >= clock) this.clocks.delete(client);
    this.deletes = this.deletes.filter((changes) => !coveredBy(changes, ds));
    this.failing = false;
    this.emit();
  }

  /** The server could not store the document; it retries, and `stored` follows once it can. */
  storeFailed(): void {
    this.failing = true;
    this.emit();
  }

  get state(): StoreAckState {
    if (this.failing) return "failing";
    return this.clocks.size || this.deletes.length ? "pending" : "stored";
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.ydoc.off("afterTransaction", this.onTransaction);
    this.listeners.clear();
  }

  private emit(): void {
    this.listeners.forEach((listener) => listener());
  }
}

/** Decodes a base64 "stored" snapshot (works in the browser and in Node). */
export function snapshotBytes(base64: string): Uint8Array {
  return fromBase64(base64);
}

/**
 * Feeds a stateless message from the server into the tracker, and says which it was;
 * other messages are ignored (null).
 */
export function applyStoreMessage(ack: StoreAck, payload: string): "stored" | "store-failed" | null {
  let message: { type?: unknown; snapshot?: unknown };
  try {
    message = JSON.parse(payload) as { type?: unknown; snapshot?: unknown };
  } catch {
    return null;
  }
  if (message.type === "stored" && typeof message.snapshot === "string") {
    ack.stored(snapshotBytes(message.snapshot));
    return "stored";
  }
  if (message.type === "store-failed") {
    ack.storeFailed();
    return "store-failed";
  }
  return null;
}
