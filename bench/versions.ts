// Version history: storage of 1,000 versions of a 60-section document with small edits,
// beside the raw Yjs update log of the same edits; and the time to diff two versions.
//   npx tsx bench/versions.ts
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { bodyName, sectionsToYDoc, type SectionContent } from "../lib/collab/ydoc";
import type { PMDoc } from "../lib/editor/schema";
import { normalizeDoc } from "../lib/editor/documentSchema";
import { markdownToDoc } from "../lib/markdown/fromMarkdown";
import { createVersion, versionSections } from "../lib/versions/snapshot";
import { diffVersions } from "../lib/versions/versions";
import { benchDatabase } from "./support/database";
import { mb, median, ms, printTable, ratio, runBench } from "./support/harness";

const SECTIONS = 60;
const VERSIONS = 1000;
const DIFF_RUNS = 30;

/** Deterministic pseudo-random numbers, so every run makes the same edits. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const WORDS = "the ledger retries each webhook with backoff and records every charge refund dispute in one table so that reviewers can follow what changed and why".split(" ");

function sectionMarkdown(i: number, random: () => number): string {
  const sentence = () => Array.from({ length: 12 + Math.floor(random() * 10) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ") + ".";
  const paragraphs = Array.from({ length: 3 }, () => Array.from({ length: 3 }, sentence).join(" "));
  if (i % 5 === 0) paragraphs.push("| Step | Owner | Limit |\n| --- | --- | --- |\n| Charge | Billing | 3 |\n| Refund | Support | 1 |\n| Dispute | Risk | 5 |");
  if (i % 7 === 0) paragraphs.push("```mermaid\nflowchart LR\n  A[Request] --> B{Valid?}\n  B -- yes --> C[Charge]\n  B -- no --> D[Reject]\n```");
  return paragraphs.join("\n\n");
}

/** Every Y.XmlText under a fragment, in order (the places a small edit can land). */
function texts(node: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  return node.toArray().flatMap((child) => (child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? texts(child) : []));
}

await runBench("versions", async () => {
  const { db } = await benchDatabase("versions");

  const user = await db.user.create({ data: { email: "bench@example.test", name: "Bench" } });
  const ws = await db.workspace.create({ data: { slug: "bench", name: "Bench", memberships: { create: { userId: user.id, role: "owner" } } } });
  const template = await db.template.create({ data: { workspaceId: ws.id, key: "bench", name: "Bench", definition: { sections: [], signoffRoles: [] } } });
  const doc = await db.document.create({ data: { workspaceId: ws.id, templateId: template.id, templateVersion: 1, title: "Bench", ownerId: user.id } });

  const random = prng(42);
  const initial: SectionContent[] = Array.from({ length: SECTIONS }, (_, i) => ({
    key: `section_${i}`,
    title: `Section ${i + 1}`,
    depth: 1,
    fields: { owner: "Bench", status: "draft" },
    body: normalizeDoc(markdownToDoc(sectionMarkdown(i, random)).doc),
  }));
  const ydoc = new Y.Doc();
  let logBytes = 0;
  ydoc.on("update", (update: Uint8Array) => (logBytes += update.byteLength));
  sectionsToYDoc(ydoc, initial);
  const sections = initial.map((s) => ({ ...s }));

  const started = performance.now();
  await db.$transaction((tx) => createVersion(tx, { documentId: doc.id, sections, kind: "auto" }));
  for (let n = 2; n <= VERSIONS; n++) {
    // a small edit: a word typed somewhere in one section
    const index = Math.floor(random() * SECTIONS);
    const key = sections[index]!.key;
    const places = texts(ydoc.getXmlFragment(bodyName(key)));
    const text = places[Math.floor(random() * places.length)]!;
    text.insert(Math.floor(random() * (text.length + 1)), ` ${WORDS[Math.floor(random() * WORDS.length)]}`);
    sections[index] = { ...sections[index]!, body: normalizeDoc(yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(bodyName(key))) as PMDoc) };
    await db.$transaction((tx) => createVersion(tx, { documentId: doc.id, sections, kind: "auto" }));
  }
  const writeMs = (performance.now() - started) / (VERSIONS - 1);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Version", "VersionBlob"`);
  const size = async (table: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT pg_total_relation_size('"${table}"') AS n`))[0]!.n);
  const [versionBytes, blobBytes] = [await size("Version"), await size("VersionBlob")];
  const stored = versionBytes + blobBytes;
  const blobs = await db.versionBlob.count();

  const ctx = { actor: { userId: user.id, email: user.email, name: user.name }, db };
  const time = async (fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < DIFF_RUNS; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    return median(samples);
  };
  const far = await time(() => diffVersions(ctx, { documentId: doc.id, from: 1, to: VERSIONS }));
  const near = await time(() => diffVersions(ctx, { documentId: doc.id, from: VERSIONS - 1, to: VERSIONS }));
  const load = await time(() => Promise.all([versionSections(db, doc.id, 1), versionSections(db, doc.id, VERSIONS)]));
  const changed = (await diffVersions(ctx, { documentId: doc.id, from: 1, to: VERSIONS })).summary.changed;

  printTable(`Version history — ${VERSIONS} versions of a ${SECTIONS}-section document, one word typed between versions (${blobs} section blobs stored)`, [
    { figure: `storage of ${VERSIONS} versions (Version + VersionBlob, with indexes and TOAST)`, measured: mb(stored), floor: `${mb(logBytes)} raw Yjs update log`, ratio: ratio(stored, logBytes), budget: "< 20 MB" },
    { figure: "  of which Version rows (ordered key → hash lists, authors, summary)", measured: mb(versionBytes), floor: "—", ratio: "—", budget: "—" },
    { figure: "  of which VersionBlob (each section content once)", measured: mb(blobBytes), floor: "—", ratio: "—", budget: "—" },
    { figure: "write one version (mean over the run)", measured: ms(writeMs), floor: "—", ratio: "—", budget: "—" },
    { figure: `diff v1 → v${VERSIONS} (${changed} sections changed), median of ${DIFF_RUNS}`, measured: ms(far), floor: `${ms(load)} reading both versions`, ratio: ratio(far, load), budget: "< 100 ms" },
    { figure: `diff v${VERSIONS - 1} → v${VERSIONS} (1 section changed)`, measured: ms(near), floor: `${ms(load)} reading both versions`, ratio: ratio(near, load), budget: "< 100 ms" },
  ]);
}, 600_000);
