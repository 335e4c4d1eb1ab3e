// Storing a document by merging (lib/collab/persistence.ts) on its own embedded PostgreSQL
// (no app). A 60-section document gets one word typed before each store; it prints the
// median store time when nothing else was stored meanwhile (the usual case: the stored
// state is read under its row lock and found to hold nothing new) and when another process
// stored a word meanwhile (merged, projected from the merged state, handed back), beside a
// floor measured in the same run: encoding the state, projecting it and writing the state
// bytes in one UPDATE, with no lock, no read and no Section rows.
//   npx tsx bench/merge-store.ts
import * as Y from "yjs";
import { storeDocumentState } from "../lib/collab/persistence";
import { bodyName, sectionsToYDoc, yDocToSections, type SectionContent } from "../lib/collab/ydoc";
import { hashSections } from "../lib/documents/contentHash";
import { normalizeDoc } from "../lib/editor/documentSchema";
import { markdownToDoc } from "../lib/markdown/fromMarkdown";
import { benchDatabase } from "./support/database";
import { median, ms, printTable, ratio, runBench } from "./support/harness";

const SECTIONS = 60;
const RUNS = 40;
const PARAGRAPH = "The ledger retries each webhook with backoff and records every charge, refund and dispute in one table, so reviewers can follow what changed and why.";

/** Types a word at the start of a section's first paragraph. */
function typeWord(ydoc: Y.Doc, n: number): void {
  const paragraph = ydoc.getXmlFragment(bodyName(`section_${n % SECTIONS}`)).get(0) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).insert(0, `w${n} `);
}

await runBench("merge-store", async () => {
  const { db } = await benchDatabase("merge");

  const user = await db.user.create({ data: { email: "bench@example.test", name: "Bench" } });
  const ws = await db.workspace.create({ data: { slug: "bench", name: "Bench", memberships: { create: { userId: user.id, role: "owner" } } } });
  const template = await db.template.create({ data: { workspaceId: ws.id, key: "bench", name: "Bench", definition: { sections: [], signoffRoles: [] } } });
  const doc = await db.document.create({ data: { workspaceId: ws.id, templateId: template.id, templateVersion: 1, title: "Bench", ownerId: user.id } });
  const sections: SectionContent[] = Array.from({ length: SECTIONS }, (_, i) => ({
    key: `section_${i}`,
    title: `Section ${i + 1}`,
    depth: 1,
    fields: { owner: "Bench" },
    body: normalizeDoc(markdownToDoc(Array.from({ length: 4 }, () => PARAGRAPH).join("\n\n")).doc),
  }));
  const live = new Y.Doc();
  sectionsToYDoc(live, sections);
  await storeDocumentState(db, doc.id, live);
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(live));

  // a run that returns a number reports its own time (the part after its setup)
  const time = async (fn: (n: number) => Promise<number | void>) => {
    const samples: number[] = [];
    for (let n = 0; n < RUNS; n++) {
      const t = performance.now();
      const own = await fn(n);
      samples.push(typeof own === "number" ? own : performance.now() - t);
    }
    return median(samples);
  };
  const floor = await time(async (n) => {
    typeWord(live, n);
    const state = Y.encodeStateAsUpdate(live);
    const hash = hashSections(yDocToSections(live));
    await db.$executeRaw`UPDATE "Document" SET "yState" = ${Buffer.from(state)}, "contentHash" = ${hash} WHERE "id" = ${doc.id}`;
  });
  await storeDocumentState(db, doc.id, live);
  const alone = await time(async (n) => {
    typeWord(live, 1000 + n);
    await storeDocumentState(db, doc.id, live);
  });
  let handedBack = 0;
  const merging = await time(async (n) => {
    typeWord(other, 2000 + n); // stored by another process meanwhile
    await storeDocumentState(db, doc.id, other);
    typeWord(live, 3000 + n);
    const t = performance.now();
    const { missing } = await storeDocumentState(db, doc.id, live);
    if (missing) {
      Y.applyUpdate(live, missing);
      handedBack++;
    }
    return performance.now() - t;
  });
  const stored = new Y.Doc();
  Y.applyUpdate(stored, new Uint8Array((await db.document.findUniqueOrThrow({ where: { id: doc.id }, omit: { yState: false } })).yState!));
  const text = (y: Y.Doc) => y.getXmlFragment(bodyName("section_0")).toString();
  if (handedBack !== RUNS || text(stored) !== text(live)) throw new Error(`merge lost something: ${handedBack}/${RUNS} handed back`);

  printTable(`Store of a ${SECTIONS}-section document (${(Y.encodeStateAsUpdate(live).byteLength / 1024).toFixed(0)} KB state), median of ${RUNS}`, [
    { figure: "store, nothing stored elsewhere", measured: ms(alone), floor: ms(floor), ratio: ratio(alone, floor), budget: "—" },
    { figure: "store after another process stored (merge)", measured: ms(merging), floor: ms(floor), ratio: ratio(merging, floor), budget: "—" },
  ]);
});
