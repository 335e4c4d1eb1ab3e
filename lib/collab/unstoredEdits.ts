import * as Y from "yjs";

/** Past this many changes held for one document, the older half is merged into one. */
const MERGE_AT = 256;

interface Held {
  update: Uint8Array;
  /** when the oldest change in `update` arrived */
  at: number;
}

/**
 * The changes that came in on this process (from its own sockets, or written here by the
 * server) and are not yet known to be in PostgreSQL, per document. With several processes
 * one of them stores each document for all (see server/collab.ts); the others keep their
 * own changes here until a store, theirs or another process's, is seen to hold them, and
 * store themselves when a change has waited too long.
 */
export class UnstoredEdits {
  private readonly byDocument = new Map<string, Held[]>();

  add(documentName: string, update: Uint8Array, at = Date.now()): void {
    const held = this.byDocument.get(documentName) ?? [];
    held.push({ update, at });
    if (held.length >= MERGE_AT) {
      const older = held.splice(0, MERGE_AT / 2);
      held.unshift({ update: Y.mergeUpdates(older.map((h) => h.update)), at: older[0]!.at });
    }
    this.byDocument.set(documentName, held);
  }

  /** Forgets the changes a stored state holds (`snapshot`: its state vector and deletions). */
  stored(documentName: string, snapshot: Y.Snapshot): void {
    const held = this.byDocument.get(documentName);
    if (!held) return;
    const left = held.filter((h) => !Y.snapshotContainsUpdate(snapshot, h.update));
    if (left.length) this.byDocument.set(documentName, left);
    else this.byDocument.delete(documentName);
  }

  /** When the oldest change not known to be stored arrived; undefined when there is none. */
  oldest(documentName: string): number | undefined {
    return this.byDocument.get(documentName)?.[0]?.at;
  }

  forget(documentName: string): void {
    this.byDocument.delete(documentName);
  }
}
