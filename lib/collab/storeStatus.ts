import * as Y from "yjs";

// What the collaboration server tells editors about storing (issue 14: "Saved" only once
// the server has stored the change). Stateless messages, JSON:
//   {type: "stored", snapshot}   after each successful store: the stored state vector and
//                                delete set (Y.encodeSnapshot, base64); also the answer to "stored?"
//   {type: "store-failed"}       a store failed; it is retried with backoff
//   {type: "saved"}              the answer to "save" (Ctrl/Cmd+S), only after a successful store

export type StoreMessage = { type: "stored"; snapshot: string } | { type: "store-failed" } | { type: "saved" };

export { STORED_QUERY } from "./storeAck";

/** The "stored" message for a document's current state (or a snapshot of it): take it in the same tick as encoding the state that is stored. */
export function storedMessage(state: Y.Doc | Y.Snapshot): StoreMessage {
  const snapshot = state instanceof Y.Doc ? Y.snapshot(state) : state;
  return { type: "stored", snapshot: Buffer.from(Y.encodeSnapshot(snapshot)).toString("base64") };
}

export interface StoreRetry {
  /** Notes a failed store and schedules the next attempt (1 s, 2 s, 4 s … up to 30 s). */
  failed(documentName: string): void;
  /** Notes a successful store: no retry pending any more. */
  succeeded(documentName: string): void;
  /** True while a document has a store to retry (it must stay in memory). */
  pending(documentName: string): boolean;
  stop(): void;
}

/** Retries failed stores with exponential backoff; `retry` runs the store again. */
export function createStoreRetry(retry: (documentName: string) => Promise<unknown>, options: { firstDelayMs?: number; maxDelayMs?: number } = {}): StoreRetry {
  const first = options.firstDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  const state = new Map<string, { attempts: number; timer: ReturnType<typeof setTimeout> }>();
  return {
    failed(documentName) {
      const previous = state.get(documentName);
      if (previous) clearTimeout(previous.timer);
      const attempts = (previous?.attempts ?? 0) + 1;
      const timer = setTimeout(() => void retry(documentName), Math.min(first * 2 ** (attempts - 1), max));
      timer.unref?.();
      state.set(documentName, { attempts, timer });
    },
    succeeded(documentName) {
      const previous = state.get(documentName);
      if (previous) clearTimeout(previous.timer);
      state.delete(documentName);
    },
    pending: (documentName) => state.has(documentName),
    stop() {
      state.forEach(({ timer }) => clearTimeout(timer));
      state.clear();
    },
  };
}
