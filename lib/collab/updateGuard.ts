import * as Y from "yjs";
import type { FieldDef } from "../templates/schema";
import { partOf, partProblems, textEditProblems, typedOnly } from "./documentRules";
import { suggestOnlyProblem } from "./suggestOnly";

/** Largest single change a socket may send (a whole document is capped at 5 MB when stored). */
export const MAX_UPDATE_BYTES = 2 * 1024 * 1024;

/** Most changes, and most bytes of them, a document holds back for one sender until what they depend on arrives. */
export const MAX_HELD_UPDATES = 200;
export const MAX_HELD_BYTES = 2 * 1024 * 1024;

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
  /**
   * Why this socket message may not reach the document, or null when it may. A change that
   * depends on changes the document does not have yet is held back: the message is emptied
   * in place (so it applies nothing) and null is returned; see createUpdateGuard.
   * `origin` is the sender (its connection): held changes are checked and released only
   * with later changes of the same sender, and applied with it as transaction origin.
   * `suggestingAs`: the user id of a sender who may only suggest (see suggestOnly.ts).
   */
  check(message: Uint8Array, origin?: unknown, suggestingAs?: string | null): string | null;
  /** Drops what is held for a sender that is gone (its socket closed). */
  forget(origin: unknown): void;
  destroy(): void;
}

/** Turns the update a message carries into an empty one of the same length: no structs, no deletions (the rest is never read). */
function empty(update: Uint8Array): void {
  update[0] = 0;
  update[1] = 0;
}

function hasPending(doc: Y.Doc): boolean {
  return Boolean(doc.store.pendingStructs || doc.store.pendingDs);
}

/** Whether two documents have the same changes of every client (state vectors), and neither holds any pending. */
function inStep(a: Y.Doc, b: Y.Doc): boolean {
  if (hasPending(a) || hasPending(b) || a.store.clients.size !== b.store.clients.size) return false;
  for (const client of a.store.clients.keys()) if (Y.getState(a.store, client) !== Y.getState(b.store, client)) return false;
  return true;
}

/** Where each client's changes in an update start and end (Yjs clocks). */
type Span = { from: Map<number, number>; to: Map<number, number> };

/** Whether an update carries changes of any of these clients (those a pending change waits for). */
function carriesAny(update: Span, clients: Set<number>): boolean {
  for (const client of update.from.keys()) if (clients.has(client)) return true;
  return false;
}

/**
 * The clients for which an update starts past a gap: its first change of that client comes
 * after the last one the document has, even counting the given held changes that run on from
 * there. Yjs integrates a client's changes in order, so when the document holds nothing
 * pending (which the update could complete), an update with such a client cannot reach the
 * document yet, whatever else it carries; it is known without applying it.
 */
function gapClients(update: Span, doc: Y.Doc, held: Span[]): number[] {
  const gaps: number[] = [];
  for (const [client, from] of update.from) {
    let reach = Y.getState(doc.store, client);
    // held changes of this client that continue what is there (each extends the reach)
    for (let grew = true; grew && from > reach; ) {
      grew = false;
      for (const span of held) {
        const start = span.from.get(client);
        const end = span.to.get(client);
        if (start !== undefined && end !== undefined && start <= reach && end > reach) {
          reach = end;
          grew = true;
        }
      }
    }
    if (from > reach) gaps.push(client);
  }
  return gaps;
}

/**
 * Guards a live document: each incoming change is first applied to a scratch copy that
 * follows the live document, and refused when it adds a problem the document did not
 * have (unknown nodes or marks, bad attributes, section metadata, field values against
 * the template's field types, sizes; see documentRules.ts). A refused change never
 * reaches the live document, so the stored state is never poisoned by it.
 *
 * A change that depends on changes the document lacks (an editor reconnecting sends its
 * newest keystrokes before the sync that carries its older, unstored ones) is held back,
 * as Yjs itself would hold it, but outside the live document: it reaches the document only
 * once what it depends on arrived and the two together pass the checks. Changes are held
 * per sender: one sender's held changes are checked only with that sender's later changes
 * (so a refused sender's leftovers never get another person's edit refused), dropped when
 * one of its changes is refused or its socket closes, and bounded (MAX_HELD_UPDATES,
 * MAX_HELD_BYTES); past that a change with missing dependencies is refused.
 */
export function createUpdateGuard(live: Y.Doc, fieldDefs: (sectionKey: string) => FieldDef[] | undefined): UpdateGuard {
  let scratch = copyOf(live);
  /**
   * Per sender whose held changes were last found still waiting: the clients whose changes
   * they wait for. Until a change of one of those clients comes (to the document, or held),
   * they keep waiting, and so does any change that runs on from them.
   */
  const waiting = new Map<unknown, Set<number>>();
  // the copy stays ahead of the live document only by changes checked and about to be applied
  const follow = (update: Uint8Array) => {
    if (waiting.size) {
      const span = Y.parseUpdateMeta(update);
      for (const [origin, on] of waiting) if (carriesAny(span, on)) waiting.delete(origin);
    }
    Y.applyUpdate(scratch, update);
  };
  live.on("update", follow);
  const rebuild = () => {
    scratch.destroy();
    scratch = copyOf(live);
  };
  let held: { update: Uint8Array; span: Span; origin: unknown }[] = [];
  const heldOf = (origin: unknown) => held.filter((h) => h.origin === origin).map((h) => h.update);
  const spansOf = (origin: unknown) => held.filter((h) => h.origin === origin).map((h) => h.span);

  /** Holds the change for its sender: past the bound, the change and everything held for the sender are refused. */
  const hold = (update: Uint8Array, span: Span, origin: unknown, own: Uint8Array[]): string | null => {
    const ownBytes = own.reduce((sum, u) => sum + u.byteLength, 0);
    if (own.length >= MAX_HELD_UPDATES || ownBytes + update.byteLength > MAX_HELD_BYTES) return refuse("the change depends on changes the server does not have", origin);
    held.push({ update: new Uint8Array(update), span, origin }); // a copy (a Buffer's slice would share the bytes emptied next)
    empty(update);
    return null;
  };
  const drop = (origin: unknown, updates: Uint8Array[] = heldOf(origin)) => {
    held = held.filter((h) => h.origin !== origin || !updates.includes(h.update));
    waiting.delete(origin);
  };
  const refuse = (reason: string, origin: unknown) => {
    drop(origin); // checked together with the refused change: they go with it
    rebuild();
    return reason;
  };

  return {
    check(message, origin, suggestingAs) {
      const carried = carriedBy(message);
      if (carried.kind === "none") return null;
      if (carried.kind === "broadcast") return "messages to everyone are not accepted";
      if (carried.kind === "malformed") return "the message could not be read";
      if (carried.update.byteLength > MAX_UPDATE_BYTES) return "the change is too large";
      const own = heldOf(origin);
      let span: Span;
      try {
        span = Y.parseUpdateMeta(carried.update);
      } catch {
        return refuse("the change could not be read", origin);
      }
      // a change that cannot be integrated yet is held as it is: the copy is not touched, so
      // a sender replaying many such changes costs one read of each, not a copy of the document
      const gaps = gapClients(span, scratch, spansOf(origin));
      const on = waiting.get(origin);
      // or it runs on from held changes that still wait, and brings nothing they wait for
      const behindWaiting = !gaps.length && on !== undefined && !carriesAny(span, on) && gapClients(span, scratch, []).length > 0;
      // only while the copy is the live document as it is (checked last: a keystroke has no gap,
      // and need not walk every client the document has known); otherwise the full check below
      if ((gaps.length || behindWaiting) && inStep(scratch, live)) {
        try {
          Y.decodeUpdate(carried.update); // read whole (its deletions too), as applying it would
        } catch {
          return refuse("the change could not be read", origin);
        }
        // the held changes now also wait for the clients this one lacks
        for (const client of gaps) on?.add(client);
        return hold(carried.update, span, origin, own);
      }
      // the types each change touched, by the root (part of the document) they are in
      const touched = new Map<string, Set<Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>>>();
      // whether every change only typed or deleted characters in a body's text (nearly every keystroke)
      let typing = true;
      const onTransaction = (tr: Y.Transaction) => {
        typing &&= typedOnly(tr);
        tr.changed.forEach((_keys, type) => {
          const name = rootName(type);
          touched.set(name, (touched.get(name) ?? new Set()).add(type));
        });
      };
      scratch.on("afterTransaction", onTransaction);
      try {
        Y.applyUpdate(scratch, carried.update);
        // this sender's changes held earlier, now perhaps complete
        for (const update of own) Y.applyUpdate(scratch, update);
      } catch {
        return refuse("the change could not be read", origin);
      } finally {
        scratch.off("afterTransaction", onTransaction);
      }
      // without anything pending, the change and every held one are complete (Y.snapshot reads the whole document: only then)
      const applied = hasPending(scratch) ? Y.snapshot(scratch) : null;
      if (applied && !Y.snapshotContainsUpdate(applied, carried.update)) {
        const refused = hold(carried.update, span, origin, own);
        if (!refused) {
          const missing = scratch.store.pendingStructs?.missing;
          if (missing) waiting.set(origin, new Set(missing.keys()));
          rebuild();
        }
        return refused;
      }
      for (const [name, types] of touched) {
        const part = partOf(name);
        // characters typed: nothing to read; other edits of existing text: only the paragraphs edited are checked
        if (part.kind === "body" && (typing || textEditProblems(types)?.size === 0)) continue;
        const after = partProblems(scratch, part, fieldDefs);
        if (!after.size) continue;
        const before = part.kind === "unknown" ? new Set<string>() : partProblems(live, part, fieldDefs);
        const added = [...after].find((problem) => !before.has(problem));
        if (added) return refuse(added, origin);
      }
      if (suggestingAs) {
        const problem = suggestOnlyProblem(live, scratch, [...touched.keys()].map(partOf), suggestingAs);
        if (problem) return refuse(problem, origin);
      }
      if (own.length) {
        // complete held changes go to the document now, just ahead of the change that completed
        // them (the document holds them until that change is applied, right after this check)
        const complete = applied ? own.filter((update) => Y.snapshotContainsUpdate(applied, update)) : own;
        drop(origin, complete);
        rebuild();
        for (const update of complete) Y.applyUpdate(live, update, origin);
      }
      return null;
    },
    forget(origin) {
      drop(origin);
    },
    destroy() {
      live.off("update", follow);
      scratch.destroy();
      held = [];
    },
  };
}
