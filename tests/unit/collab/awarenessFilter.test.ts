import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { sanitizeAwarenessUpdate } from "@/lib/collab/awarenessFilter";

function update(entries: { clientId: number; clock: number; state: string }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}

function read(bytes: Uint8Array | null) {
  if (!bytes) return null;
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  return Array.from({ length: count }, () => ({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: JSON.parse(decoding.readVarString(decoder)) as unknown }));
}

const rules = { owns: (id: number) => id !== 99, name: "Ada Lovelace" };

describe("sanitizeAwarenessUpdate", () => {
  it("replaces the name with the server's and keeps only the user's colour and the caret", () => {
    const cursor = { anchor: { tname: "x" }, head: { tname: "x" }, section: "intro" };
    const out = read(sanitizeAwarenessUpdate(update([{ clientId: 1, clock: 3, state: JSON.stringify({ user: { name: "Document too large", color: "#abcdef" }, cursor, banner: "Not saved!" }) }]), rules));
    expect(out).toEqual([{ clientId: 1, clock: 3, state: { user: { name: "Ada Lovelace", color: "#abcdef" }, cursor } }]);
  });

  it("drops entries for a client another socket owns, and keeps removals of one's own", () => {
    const out = read(sanitizeAwarenessUpdate(update([{ clientId: 99, clock: 50, state: JSON.stringify({ user: { name: "x" } }) }, { clientId: 2, clock: 4, state: "null" }]), rules));
    expect(out).toEqual([{ clientId: 2, clock: 4, state: null }]);
  });

  it("refuses colours that are not plain hex, huge states, and malformed updates", () => {
    expect(read(sanitizeAwarenessUpdate(update([{ clientId: 1, clock: 1, state: JSON.stringify({ user: { name: "x", color: "red;background:url(x)" } }) }]), rules))).toEqual([{ clientId: 1, clock: 1, state: { user: { name: "Ada Lovelace" } } }]);
    expect(sanitizeAwarenessUpdate(update([{ clientId: 1, clock: 1, state: JSON.stringify({ cursor: { pad: "x".repeat(5000) } }) }]), rules)).toBeNull();
    expect(sanitizeAwarenessUpdate(Uint8Array.from([5, 1]), rules)).toBeNull();
  });
});
