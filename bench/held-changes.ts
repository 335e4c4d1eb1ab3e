// What the collaboration server's update guard costs when a client sends changes out of
// order (a reconnect replaying its newest keystrokes before the sync that carries the
// older ones, or a client doing it on purpose). For documents of 10, 60 and 200 sections,
// a client makes MAX_HELD_UPDATES + 2 paragraphs and sends all but the first: each one
// waits for the first, so the guard holds them until the bound and refuses the last.
// Floor: applying the same changes, in order, to a copy of the document (what Yjs itself
// does with them). Everything runs on this process's one thread, as on the server's event
// loop, so the time is how long the loop would be held. Run: `npx tsx bench/held-changes.ts`.
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { MAX_HELD_UPDATES, createUpdateGuard } from "../lib/collab/updateGuard";
import { bodyName, sectionsToYDoc } from "../lib/collab/ydoc";
import { median, ms, printTable, ratio, runBench, type Row } from "./support/harness";

const RUNS = 5;

function framed(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, "doc");
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function documentOf(sections: number): Y.Doc {
  const doc = new Y.Doc();
  const text = "A sentence of a design document, long enough to be typical. ".repeat(8);
  sectionsToYDoc(doc, Array.from({ length: sections }, (_, i) => ({ key: `s${i}`, title: `Section ${i + 1}`, depth: 1, fields: {}, body: { type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }] } })));
  return doc;
}

/** The changes a client makes: one paragraph each, at the end of the first section. */
function changesOf(doc: Y.Doc): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  client.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < MAX_HELD_UPDATES + 2; i++) {
    client.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`line ${i}`)]);
      const body = client.getXmlFragment(bodyName("s0"));
      body.insert(body.length, [paragraph]);
    });
  }
  return updates;
}

await runBench("held-changes", async () => {
  const rows: Row[] = [];
  for (const sections of [10, 60, 200]) {
    const guarded: number[] = [];
    const floor: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const live = documentOf(sections);
      const updates = changesOf(live);
      const guard = createUpdateGuard(live, () => undefined);
      const messages = updates.slice(1).map(framed);
      let started = performance.now();
      const refused = messages.filter((message) => guard.check(message, "sender") !== null).length;
      guarded.push(performance.now() - started);
      if (refused !== 1) throw new Error(`expected the last change refused, got ${refused} refusals`);
      guard.destroy();
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
      started = performance.now();
      for (const update of updates) Y.applyUpdate(copy, update);
      floor.push(performance.now() - started);
    }
    rows.push({
      figure: `${sections} sections: ${MAX_HELD_UPDATES + 1} changes out of order checked (held, then the last refused) [${guarded.map((t) => t.toFixed(0)).join(", ")}]`,
      measured: ms(median(guarded)),
      floor: ms(median(floor)),
      ratio: ratio(median(guarded), median(floor)),
      budget: "— (the loop is held this long)",
    });
  }
  printTable(`update guard, changes sent out of order (median of ${RUNS})`, rows);
});
