import * as Y from "yjs";
import type { FieldDef } from "../templates/schema";
import { partOf, partProblems } from "./documentRules";

/** Largest single change a socket may send (a whole document is capped at 5 MB when stored). */
export const MAX_UPDATE_BYTES = 2 * 1024 * 1024;

// Hocuspocus message framing: document name, message type, then for sync messages the
// y-protocols sync type and the update (https://github.com/yjs/y-protocols, sync.js)
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const MESSAGE_BROADCAST_STATELESS = 6;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  uint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new RangeError("message ends early");
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new RangeError("number too long");
  }
  bytesOf(): Uint8Array {
    const length = this.uint();
    if (this.pos + length > this.bytes.length) throw new RangeError("message ends early");
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
}

type Carried = { kind: "none" } | { kind: "update"; update: Uint8Array } | { kind: "broadcast" } | { kind: "malformed" };

/** What a raw socket message carries that could change the document. */
export function carriedBy(message: Uint8Array): Carried {
  try {
    const reader = new Reader(message);
    reader.bytesOf(); // document name
    const type = reader.uint();
    if (type === MESSAGE_BROADCAST_STATELESS) return { kind: "broadcast" };
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return { kind: "none" };
    const step = reader.uint();
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return { kind: "none" };
    return { kind: "update", update: reader.bytesOf() };
  } catch {
    return { kind: "malformed" };
  }
}

function rootName(type: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>): string {
  let root = type;
  while (root._item) root = root._item.parent as typeof type;
  return Y.findRootTypeKey(root);
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

export interface UpdateGuard {
  /** Why this socket message may not reach the document, or null when it may. */
  check(message: Uint8Array): string | null;
  destroy(): void;
}

/**
 * Guards a live document: each incoming change is first applied to a scratch copy that
 * follows the live document, and refused when it adds a problem the document did not
 * have (unknown nodes or marks, bad attributes, section metadata, field values against
 * the template's field types, sizes; see documentRules.ts). A refused change never
 * reaches the live document, so the stored state is never poisoned by it.
 */
export function createUpdateGuard(live: Y.Doc, fieldDefs: (sectionKey: string) => FieldDef[] | undefined): UpdateGuard {
  let scratch = copyOf(live);
  // the copy stays ahead of the live document only by changes checked and about to be applied
  const follow = (update: Uint8Array) => Y.applyUpdate(scratch, update);
  live.on("update", follow);
  const refuse = (reason: string) => {
    scratch.destroy();
    scratch = copyOf(live);
    return reason;
  };

  return {
    check(message) {
      const carried = carriedBy(message);
      if (carried.kind === "none") return null;
      if (carried.kind === "broadcast") return "messages to everyone are not accepted";
      if (carried.kind === "malformed") return "the message could not be read";
      if (carried.update.byteLength > MAX_UPDATE_BYTES) return "the change is too large";
      const touched = new Set<string>();
      const onTransaction = (tr: Y.Transaction) => tr.changed.forEach((_keys, type) => touched.add(rootName(type)));
      scratch.on("afterTransaction", onTransaction);
      try {
        Y.applyUpdate(scratch, carried.update);
      } catch {
        return refuse("the change could not be read");
      } finally {
        scratch.off("afterTransaction", onTransaction);
      }
      if (scratch.store.pendingStructs || scratch.store.pendingDs) return refuse("the change depends on changes the server does not have");
      for (const name of touched) {
        const part = partOf(name);
        const after = partProblems(scratch, part, fieldDefs);
        if (!after.size) continue;
        const before = part.kind === "unknown" ? new Set<string>() : partProblems(live, part, fieldDefs);
        const added = [...after].find((problem) => !before.has(problem));
        if (added) return refuse(added);
      }
      return null;
    },
    destroy() {
      live.off("update", follow);
      scratch.destroy();
    },
  };
}
